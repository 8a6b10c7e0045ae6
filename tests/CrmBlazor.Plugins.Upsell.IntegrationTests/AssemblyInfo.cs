// Hangfire keeps process-wide statics that each host sets while it starts (see CrmBlazor.Testing's
// HangfireStatics): test collections run one after another, each provider sharing one host.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
