// Test collections run one after another, never in parallel. Hangfire configures process-wide statics
// (GlobalConfiguration, JobStorage.Current) while a host starts, so a SQLite host (in-memory storage)
// and a PostgreSQL host (PostgreSQL storage) starting at the same moment could each end up with the
// other's job storage. One collection per provider, each sharing one host, keeps the suite fast anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
