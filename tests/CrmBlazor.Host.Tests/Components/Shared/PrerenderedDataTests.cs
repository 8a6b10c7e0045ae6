using System.Text.Json;
using CrmBlazor.Sdk.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmBlazor.Host.Tests.Components.Shared;

/// <summary>
/// A page's data loaded once per visit: what prerendering stored is taken by the interactive render,
/// which then does not load again (PrerenderedData, used by every dashboard widget).
/// </summary>
public sealed class PrerenderedDataTests
{
    private sealed record Figures(int Active, IReadOnlyList<string> Names);

    [Fact]
    public async Task TakeOrLoad_WhenThePrerenderStoredTheData_TakesItWithoutLoading()
    {
        var state = await StateWithAsync(new Dictionary<string, byte[]>
        {
            ["projects.weekly-hours"] = JsonSerializer.SerializeToUtf8Bytes(new Figures(7, ["Meera", "மீரா"]), JsonSerializerOptions.Web),
        });
        var loads = 0;

        var (data, subscription) = await state.TakeOrLoadAsync("projects.weekly-hours", () =>
        {
            loads++;
            return Task.FromResult(new Figures(0, []));
        });
        subscription.Dispose();

        Assert.Equal(0, loads);
        Assert.Equal(7, data.Active);
        Assert.Equal(["Meera", "மீரா"], data.Names);
    }

    [Fact]
    public async Task TakeOrLoad_WithoutStoredData_LoadsOnce()
    {
        var state = await StateWithAsync(new Dictionary<string, byte[]>());
        var loads = 0;

        var (data, subscription) = await state.TakeOrLoadAsync("invoicing.invoiced-and-paid", () =>
        {
            loads++;
            return Task.FromResult(new Figures(3, ["Ravi"]));
        });
        subscription.Dispose();

        Assert.Equal(1, loads);
        Assert.Equal(3, data.Active);
    }

    private static async Task<PersistentComponentState> StateWithAsync(IDictionary<string, byte[]> stored)
    {
        var manager = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        await manager.RestoreStateAsync(new Store(stored));
        return manager.State;
    }

    private sealed class Store(IDictionary<string, byte[]> stored) : IPersistentComponentStateStore
    {
        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult(stored);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state) => Task.CompletedTask;
    }
}
