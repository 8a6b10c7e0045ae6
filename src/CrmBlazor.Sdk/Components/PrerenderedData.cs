using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Sdk.Components;

/// <summary>
/// Data a component loads once per visit of a page, although the page renders twice: first on the
/// server for the initial HTML (prerendering), then again when the browser's connection makes it
/// interactive. Loaded while prerendering, the data is written into the page, and the interactive
/// render takes it from there instead of querying again. Use it for what a page shows as it opens
/// (dashboard widgets, a record's header).
/// </summary>
public static class PrerenderedData
{
    /// <summary>
    /// The data stored under <paramref name="key"/> by the prerendering of this page, or else what
    /// <paramref name="load"/> returns, then kept for the interactive render. Dispose the subscription
    /// with the component.
    /// </summary>
    /// <typeparam name="T">The data; it travels as JSON, so a record with public properties.</typeparam>
    /// <param name="state">The component's <see cref="PersistentComponentState"/> (injected).</param>
    /// <param name="key">Unique on the page: prefix it with the plugin id (<c>projects.weekly-hours</c>).</param>
    /// <param name="load">Loads the data.</param>
    /// <returns>The data, and the subscription that writes it into the page.</returns>
    public static async Task<(T Data, PersistingComponentStateSubscription Subscription)> TakeOrLoadAsync<T>(
        this PersistentComponentState state, string key, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(load);
        if (state.TryTakeFromJson<T>(key, out var taken) && taken is not null)
        {
            return (taken, default);
        }

        var data = await load();
        var subscription = state.RegisterOnPersisting(() =>
        {
            state.PersistAsJson(key, data);
            return Task.CompletedTask;
        });
        return (data, subscription);
    }
}
