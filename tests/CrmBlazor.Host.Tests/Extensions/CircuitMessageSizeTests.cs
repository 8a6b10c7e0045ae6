using CrmBlazor.Host.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Tests.Extensions;

/// <summary>
/// The circuit carries the longest text a field takes, whatever its characters: a message over the
/// circuit's limit is dropped with the connection, and the edit with it.
/// </summary>
public sealed class CircuitMessageSizeTests
{
    [Fact]
    public void MaximumReceiveMessageSize_CarriesTheLongestTextTwiceWithEveryCharacterEscaped()
    {
        // A change event holds the value twice (event value and field value), as JSON: a control
        // character or a lone surrogate is six bytes there (\u0001). 4 KB are left for the rest.
        var longestEvent = (InputLimits.Longest * 2 * 6) + 4096;

        Assert.True(UiExtensions.MaximumReceiveMessageSize >= longestEvent, $"{UiExtensions.MaximumReceiveMessageSize} < {longestEvent}");
    }

    [Fact]
    public void AddCrmUi_GivesTheCircuitsHubThatMessageSize()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddCrmUi();
        using var services = builder.Services.BuildServiceProvider();

        // The circuit's hub type is internal to ASP.NET Core; its options are HubOptions<ComponentHub>.
        var hub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        var value = (HubOptions)options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options)!;

        Assert.Equal(UiExtensions.MaximumReceiveMessageSize, value.MaximumReceiveMessageSize);
    }
}
