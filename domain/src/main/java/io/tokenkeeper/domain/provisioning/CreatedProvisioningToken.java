package io.tokenkeeper.domain.provisioning;

/** A provisioning token just created, with its value: the only time anyone sees it. */
public record CreatedProvisioningToken(ProvisioningToken token, ProvisioningSecret secret) {}
