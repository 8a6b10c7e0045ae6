using CrmBlazor.Fixtures.Alpha.Features;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Fixtures.Alpha.Jobs;

public sealed record WriteNoteArguments(long CustomerId, string Text);

/// <summary>A background job with arguments, queued through IJobScheduler.</summary>
public sealed class WriteNoteJob(NoteService notes) : IPluginJob
{
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        var arguments = context.GetArguments<WriteNoteArguments>();
        await context.ReportProgressAsync(50, "Writing", cancellationToken);
        await notes.AddUncheckedAsync(arguments.CustomerId, arguments.Text, cancellationToken);
    }
}
