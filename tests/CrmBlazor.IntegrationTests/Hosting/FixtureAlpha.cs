using System.Reflection;
using System.Security.Claims;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Hosting;

/// <summary>
/// Drives the Alpha fixture plugin inside a running host. The tests never reference a plugin's
/// assembly (the host would then share the test's copy instead of loading its own): Alpha's types are
/// taken from the assembly the host loaded and used through their public members.
/// </summary>
public sealed class FixtureAlpha
{
    public const string Id = "fixture-alpha";
    public const string HeartbeatJobId = "fixture-alpha:heartbeat";
    public const string WriteNoteJobId = "fixture-alpha:write-note";
    public const string NoteAddedEvent = "fixture-alpha.note-added";

    private readonly CrmHostFactory _host;
    private readonly Assembly _assembly;

    private FixtureAlpha(CrmHostFactory host, Assembly assembly)
    {
        _host = host;
        _assembly = assembly;
    }

    /// <summary>Alpha's DbContext type.</summary>
    public Type ContextType => Type("CrmBlazor.Fixtures.Alpha.Data.AlphaDbContext");

    /// <summary>Alpha's note entity type (an <c>IVersionedEntity</c>).</summary>
    public Type NoteType => Type("CrmBlazor.Fixtures.Alpha.Data.Note");

    /// <summary>Alpha as loaded by a host.</summary>
    /// <param name="host">The host.</param>
    /// <exception cref="InvalidOperationException">Alpha is not loaded.</exception>
    public static FixtureAlpha In(CrmHostFactory host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var entry = host.Services.GetRequiredService<PluginCatalog>().Find(Id);
        return entry is { IsLoaded: true, Assembly: { } assembly }
            ? new FixtureAlpha(host, assembly)
            : throw new InvalidOperationException($"{Id} is not loaded: {entry?.State} {entry?.Error}");
    }

    /// <summary>
    /// Adds a note through Alpha's NoteService within a request signed in as a Manager (who holds
    /// fixture-alpha.view), as the plugin's page does; returns the note id.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="text">The note.</param>
    public Task<long> AddNoteAsManagerAsync(long customerId, string text) => _host.InScopeAsync(async services =>
    {
        // As the host's middleware does for a signed-in request: the user becomes the current actor.
        var request = services.GetRequiredService<IHttpContextAccessor>();
        var manager = Manager();
        request.HttpContext = new DefaultHttpContext { RequestServices = services, User = manager };
        using var actor = CrmActor.Use(new CrmActor(manager, manager.Identity?.Name ?? "manager"));
        try
        {
            var noteService = Type("CrmBlazor.Fixtures.Alpha.Features.NoteService");
            var service = services.GetRequiredService(noteService);
            var adding = (Task)noteService.GetMethod("AddAsync")!.Invoke(service, [customerId, text, CancellationToken.None])!;
            await adding;
            var note = adding.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(adding)!;
            return (long)NoteType.GetProperty("Id")!.GetValue(note)!;
        }
        finally
        {
            request.HttpContext = null;
        }
    });

    /// <summary>Queues Alpha's write-note job with its arguments through <see cref="IJobScheduler"/>; returns the run id.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="text">The note.</param>
    public Task<Guid> QueueWriteNoteAsync(long customerId, string text) => _host.InScopeAsync(async services =>
    {
        var scheduler = services.GetRequiredService<IJobScheduler>();
        var enqueue = typeof(IJobScheduler).GetMethod(nameof(IJobScheduler.EnqueueAsync))!.MakeGenericMethod(Type("CrmBlazor.Fixtures.Alpha.Jobs.WriteNoteJob"));
        return await (Task<Guid>)enqueue.Invoke(scheduler, [new { CustomerId = customerId, Text = text }, null, CancellationToken.None])!;
    });

    /// <summary>Alpha's DbContext from a scope (disposed with the scope).</summary>
    /// <param name="services">The scope's services.</param>
    public DbContext Context(IServiceProvider services) => (DbContext)services.GetRequiredService(ContextType);

    private static ClaimsPrincipal Manager() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "integration-manager"), new Claim(ClaimTypes.Name, "manager@crm.test"), new Claim(ClaimTypes.Role, CrmRoles.Manager)],
        authenticationType: "Integration tests"));

    private Type Type(string name) => _assembly.GetType(name, throwOnError: true)!;
}
