using Bunit;
using CrmBlazor.Host.Components.Shared;
using CrmBlazor.Host.Tests.Builders;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Host.Tests.Components.Shared;

public sealed class CrmErrorBoundaryTests : ComponentTestContext
{
    private readonly Trouble _trouble = new();
    private readonly RecordingLogger _log = new();

    public CrmErrorBoundaryTests()
    {
        Services.AddLogging(logging => logging.AddProvider(_log));
    }

    [Fact]
    public void ChildRendersFine_ShowsTheChild()
    {
        var boundary = RenderBoundary();

        Assert.Equal("Panel content", boundary.Find("[data-testid=panel]").TextContent);
        Assert.Empty(boundary.FindAll("[data-testid=error-boundary]"));
    }

    [Fact]
    public void ChildThrows_ShowsTheFriendlyMessageWithoutTheExceptionDetails()
    {
        _trouble.Message = "Connection string Password=secret is wrong";

        var boundary = RenderBoundary();

        var alert = boundary.Find("[data-testid=error-boundary]");
        Assert.Contains("Something went wrong while showing this part of the page. Nothing was saved.", alert.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", boundary.Markup, StringComparison.Ordinal);
        Assert.Empty(boundary.FindAll("[data-testid=panel]"));
    }

    [Fact]
    public void ChildThrows_LogsTheExceptionForOperators()
    {
        _trouble.Message = "Connection refused";

        RenderBoundary();

        var error = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("Connection refused", error.Exception?.Message);
    }

    [Fact]
    public void TryAgain_AfterTheCauseIsGone_ShowsTheChildAgain()
    {
        _trouble.Message = "Temporary failure";
        var boundary = RenderBoundary();

        _trouble.Message = null;
        boundary.Find("[data-testid=error-boundary] button").Click();

        Assert.Equal("Panel content", boundary.Find("[data-testid=panel]").TextContent);
        Assert.Empty(boundary.FindAll("[data-testid=error-boundary]"));
    }

    private IRenderedComponent<CrmErrorBoundary> RenderBoundary() =>
        Render<CrmErrorBoundary>(parameters => parameters.AddChildContent<FlakyPanel>(panel => panel.Add(p => p.Trouble, _trouble)));

    private sealed class Trouble
    {
        /// <summary>What the panel throws while rendering, or null when it renders.</summary>
        public string? Message { get; set; }
    }

    private sealed class FlakyPanel : ComponentBase
    {
        [Parameter]
        public Trouble Trouble { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Trouble.Message is { } message)
            {
                throw new InvalidOperationException(message);
            }

            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "panel");
            builder.AddContent(2, "Panel content");
            builder.CloseElement();
        }
    }
}
