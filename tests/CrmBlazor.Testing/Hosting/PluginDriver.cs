using System.Collections;
using System.Reflection;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Testing.Hosting;

/// <summary>What a refused or accepted change gave: the status, its messages (English, with arguments filled in) and the fields they are on.</summary>
/// <param name="Status">The <c>ChangeStatus</c> by name ("Saved", "Invalid", "Conflict", ...).</param>
/// <param name="Id">The id of what was saved, if any.</param>
/// <param name="Messages">The messages.</param>
/// <param name="Fields">The fields the messages are on.</param>
public sealed record Outcome(string Status, long? Id, IReadOnlyList<string> Messages, IReadOnlyList<string> Fields)
{
    /// <summary>Whether it was saved.</summary>
    public bool Saved => Status == "Saved";

    /// <summary>The id of what was saved; fails the test with the messages otherwise.</summary>
    public long SavedId => Saved ? Id!.Value : throw new InvalidOperationException($"{Status}: " + string.Join(" ", Messages));

    /// <summary>The one message, for asserting on refusals; throws when there is not exactly one.</summary>
    public string Message => Messages.Count == 1
        ? Messages[0]
        : throw new InvalidOperationException($"Expected one message, got {Messages.Count}: {string.Join(" | ", Messages)}");
}

/// <summary>
/// Drives a plugin inside a running host as its pages do: its services are taken from the assembly the
/// host loaded (the tests never reference the plugin) and called as a signed-in user; inputs are the
/// plugin's own types, filled by name. Each plugin's integration tests derive their driver from it.
/// </summary>
public abstract class PluginDriver
{
    private readonly string _root;

    /// <summary>Finds the plugin in the host's catalogue.</summary>
    /// <param name="host">The host.</param>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="rootNamespace">Its root namespace with the trailing dot ("CrmBlazor.Plugins.Surveys.").</param>
    /// <exception cref="InvalidOperationException">The plugin is not loaded.</exception>
    protected PluginDriver(CrmHostFactory host, string pluginId, string rootNamespace)
    {
        ArgumentNullException.ThrowIfNull(host);
        Host = host;
        _root = rootNamespace;
        Assembly = LoadedAssembly(host, pluginId);
    }

    /// <summary>The host.</summary>
    protected CrmHostFactory Host { get; }

    /// <summary>The plugin's assembly as the host loaded it.</summary>
    protected Assembly Assembly { get; }

    /// <summary>A type of the plugin by its name below the root namespace ("Data.Survey").</summary>
    /// <param name="name">The name.</param>
    public Type Type(string name) => Assembly.GetType(_root + name, throwOnError: true)!;

    /// <summary>The assembly of a loaded plugin.</summary>
    /// <param name="host">The host.</param>
    /// <param name="pluginId">The plugin's id.</param>
    /// <exception cref="InvalidOperationException">The plugin is not loaded.</exception>
    protected static Assembly LoadedAssembly(CrmHostFactory host, string pluginId)
    {
        ArgumentNullException.ThrowIfNull(host);
        var entry = host.Services.GetRequiredService<PluginCatalog>().Find(pluginId);
        return entry is { IsLoaded: true, Assembly: { } assembly }
            ? assembly
            : throw new InvalidOperationException($"{pluginId} is not loaded: {entry?.State} {entry?.Error}");
    }

    /// <summary>Reads a <c>ChangeResult</c> the plugin returned.</summary>
    /// <param name="result">The result.</param>
    protected static Outcome Read(dynamic result)
    {
        var messages = new List<string>();
        foreach (object? problem in (IEnumerable)result.Messages)
        {
            messages.Add(problem?.ToString() ?? "(no message)");
        }

        var fields = new List<string>();
        foreach (string field in ((IDictionary)result.Errors).Keys)
        {
            fields.Add(field);
        }

        return new Outcome(result.Status.ToString(), (long?)result.Id, messages, fields);
    }

    /// <summary>Rows of an entity of a context, read with dynamic access.</summary>
    /// <param name="db">The context.</param>
    /// <param name="entity">The entity's type.</param>
    public static IReadOnlyList<dynamic> Rows(DbContext db, Type entity)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), System.Type.EmptyTypes)!.MakeGenericMethod(entity).Invoke(db, null)!;
        return ((IEnumerable<object>)set).Cast<dynamic>().ToList();
    }

    /// <summary>Queues a job of the plugin through the host's scheduler.</summary>
    /// <param name="jobType">The job's type below the root namespace ("Jobs.BudgetCheckJob").</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="delay">When it is due, or null for now.</param>
    /// <returns>The run's id.</returns>
    public Task<Guid> QueueJobAsync(string jobType, object? arguments = null, TimeSpan? delay = null) => Host.InScopeAsync(async services =>
    {
        var scheduler = services.GetRequiredService<IJobScheduler>();
        var enqueue = typeof(IJobScheduler).GetMethod(nameof(IJobScheduler.EnqueueAsync))!.MakeGenericMethod(Type(jobType));
        return await (Task<Guid>)enqueue.Invoke(scheduler, [arguments, delay, CancellationToken.None])!;
    });

    /// <summary>Runs a job of the plugin through the host's scheduler and waits until it succeeded; throws with its message when it failed.</summary>
    /// <param name="jobType">The job's type below the root namespace.</param>
    /// <param name="arguments">Its arguments.</param>
    public async Task RunJobAsync(string jobType, object? arguments = null)
    {
        var runId = await QueueJobAsync(jobType, arguments);
        var run = await Eventually.ReturnsAsync(
            $"{jobType} finished",
            () => Host.InScopeAsync(services => services.GetRequiredService<IJobScheduler>().GetRunAsync(runId)),
            r => r?.State is JobRunState.Succeeded or JobRunState.Failed);
        if (run!.State != JobRunState.Succeeded)
        {
            throw new InvalidOperationException($"{jobType} failed: {run.Message}");
        }
    }

    /// <summary>A new instance of a plugin type by name.</summary>
    /// <param name="name">The name below the root namespace.</param>
    public object New(string name) => Activator.CreateInstance(Type(name))!;

    /// <summary>A service of the plugin by its type's name.</summary>
    /// <param name="services">The scope's services.</param>
    /// <param name="name">The name below the root namespace.</param>
    public object Service(IServiceProvider services, string name) => services.GetRequiredService(Type(name));

    /// <summary>Runs an action in a scope signed in as someone.</summary>
    /// <typeparam name="T">What it returns.</typeparam>
    /// <param name="actor">Who.</param>
    /// <param name="action">What.</param>
    public Task<T> AsAsync<T>(Person actor, Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Host.AsUserAsync(actor.User, action);
    }
}
