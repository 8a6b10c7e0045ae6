// Test collections run one after another, never in parallel. Hangfire configures process-wide statics
// while a host starts, so a SQLite host and a PostgreSQL host starting at the same moment could each
// end up with the other's job storage.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
