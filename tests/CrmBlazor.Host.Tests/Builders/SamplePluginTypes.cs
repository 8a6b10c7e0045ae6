using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Navigation;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>Types a test plugin registers; they are never run.</summary>
internal sealed class SampleJob : IPluginJob
{
    public Task RunAsync(JobRunContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

[DomainEvent(Name)]
internal sealed record SampleEvent : IDomainEvent
{
    public const string Name = "sample.something-happened";
}

internal sealed class SampleEventHandler : IDomainEventHandler<SampleEvent>
{
    public Task HandleAsync(SampleEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class SampleTab : CustomerTabBase;

/// <summary>A project-page tab that shows the project it was given.</summary>
internal sealed class SampleProjectTab : ProjectTabBase
{
    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "data-testid", "sample-project-tab");
        builder.AddContent(2, ProjectId);
        builder.CloseElement();
    }
}

/// <summary>Settings with a schedule, as a plugin reads one from its configuration section.</summary>
internal sealed class SampleScheduleSettings
{
    public string CheckSchedule { get; set; } = "0 6 * * *";
}
