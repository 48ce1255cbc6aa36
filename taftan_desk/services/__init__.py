"""Use-cases: each is one transaction that validates with core, enforces the lifecycle and
permissions, and appends a hash-chained audit event in the same transaction."""
