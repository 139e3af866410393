/**
 * What is done to accounts, each change checked against the acting user as stored now and written to the audit
 * trail: people change their own profile and password, administrators manage everyone's accounts, and the first
 * administrator is created at first start.
 */
@NullMarked
package io.tokenkeeper.domain.account;

import org.jspecify.annotations.NullMarked;
