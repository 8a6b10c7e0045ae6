using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Host.Data;

/// <summary>An administrator's choice to run a plugin or not; read at start-up.</summary>
public sealed class PluginSetting : IVersionedEntity
{
    /// <summary>The plugin id.</summary>
    public required string PluginId { get; set; }

    /// <summary>Whether the plugin is loaded at the next start.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the choice was last changed.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Who changed it.</summary>
    public string? ChangedBy { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }
}

/// <summary>A permission the host has seen declared, so that default grants are made only once.</summary>
[NotAudited]
public sealed class KnownPermission
{
    /// <summary>The permission name.</summary>
    public required string Name { get; set; }

    /// <summary>When it was first declared.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }
}

/// <summary>A permission granted to a role.</summary>
public sealed class PermissionGrant
{
    /// <summary>The role name.</summary>
    public required string Role { get; set; }

    /// <summary>The permission name.</summary>
    public required string Permission { get; set; }
}

/// <summary>One run of a plugin or core job; the durable record that Hangfire's queue only points at.</summary>
[NotAudited]
public sealed class JobRun
{
    /// <summary>The run id.</summary>
    public Guid Id { get; set; }

    /// <summary>The job id, <c>&lt;owner&gt;:&lt;key&gt;</c>.</summary>
    public required string JobId { get; set; }

    /// <summary>Arguments as JSON, or null.</summary>
    public string? Arguments { get; set; }

    /// <summary>Where the run is.</summary>
    public JobRunState State { get; set; }

    /// <summary>How many times it was started.</summary>
    public int Attempts { get; set; }

    /// <summary>Progress, 0 to 100.</summary>
    public int Percent { get; set; }

    /// <summary>Last progress message or error.</summary>
    public string? Message { get; set; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>Do not start before this time.</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>When the last attempt started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it succeeded or finally failed.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>A security-relevant event: sign-ins, lock-outs, refused access.</summary>
[NotAudited]
public sealed class SecurityEvent
{
    /// <summary>The event id.</summary>
    public long Id { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>What happened, e.g. <c>sign-in-failed</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The user name or e-mail involved, if any.</summary>
    public string? UserName { get; set; }

    /// <summary>
    /// The address the event concerns, as Identity normalizes user names: for sign-in attempts the
    /// address typed, so that the attempts on one address are found however it was typed (lock-out of
    /// addresses without an account); for an administrator's change of an account, that account's.
    /// </summary>
    public string? NormalizedUserName { get; set; }

    /// <summary>The remote address.</summary>
    public string? RemoteAddress { get; set; }

    /// <summary>Details: the path refused, the reason.</summary>
    public string? Detail { get; set; }
}

/// <summary>An entry a plugin added to a customer's timeline.</summary>
[NotAudited]
public sealed class TimelineEntryRecord
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The customer.</summary>
    public long CustomerId { get; set; }

    /// <summary>The kind, e.g. <c>projects.time-logged</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The unique key given by the plugin.</summary>
    public required string Key { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>One line for the timeline.</summary>
    public required string Title { get; set; }

    /// <summary>Details.</summary>
    public string? Summary { get; set; }

    /// <summary>Link to the details.</summary>
    public string? Link { get; set; }
}

/// <summary>
/// A plugin archive an administrator uploaded: kept in the database so that every instance of the
/// deployment extracts and loads the same plugin at its next start. Installing, replacing and removing
/// it are recorded in the security log (the archive itself is too large for an audit entry).
/// </summary>
[NotAudited]
public sealed class PluginArchiveRecord
{
    /// <summary>The plugin id, from the archive's manifest.</summary>
    public required string PluginId { get; set; }

    /// <summary>The display name, from the manifest.</summary>
    public required string Name { get; set; }

    /// <summary>The plugin's version, from the manifest.</summary>
    public required string Version { get; set; }

    /// <summary>The archive as uploaded (a zip file).</summary>
    public required byte[] Content { get; set; }

    /// <summary>The SHA-256 of <see cref="Content"/>, lower-case hex: instances compare it with what they extracted.</summary>
    public required string Sha256 { get; set; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>Who uploaded it.</summary>
    public string? UploadedBy { get; set; }
}
