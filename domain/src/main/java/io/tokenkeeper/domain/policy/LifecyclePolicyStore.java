package io.tokenkeeper.domain.policy;

/** Where the lifecycle policy is kept. Implemented by the persistence module. */
public interface LifecyclePolicyStore {

    /** The stored policy, or {@link LifecyclePolicy#DEFAULT} when none was saved. */
    LifecyclePolicy load();

    void save(LifecyclePolicy policy);
}
