using System.IO.Compression;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Administration;

/// <summary>
/// An archive uploaded on the plugins page that cannot be installed is refused with the reason, and
/// nothing of it is stored; one that can is stored, to be installed at the next start.
/// </summary>
public abstract class PluginUploadRefusalTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Upload_AFileThatIsNotAZip_IsRefused()
    {
        var refusal = await RefusalAsync("plugin.json"u8.ToArray());

        Assert.Equal("The file is not a zip archive, or it is damaged.", refusal);
    }

    [Fact]
    public async Task Upload_WithoutAManifest_IsRefused()
    {
        var refusal = await RefusalAsync(PluginArchiveBuilder.ForPlugin(NewId()).Without("plugin.json").Build());

        Assert.Equal("The archive has no plugin.json at its root.", refusal);
    }

    [Fact]
    public async Task Upload_AManifestThatIsNotJson_IsRefusedWithTheParsersReason()
    {
        var refusal = await RefusalAsync(PluginArchiveBuilder.ForPlugin(NewId()).Without("plugin.json").With("plugin.json", "{ id: ").Build());

        Assert.StartsWith("plugin.json is not valid JSON: ", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_AManifestWithCommentsAndATrailingComma_IsAccepted()
    {
        var id = NewId();
        var archive = PluginArchiveBuilder.ForPlugin(id);
        var manifest = $"{{\n  // uploaded by the tests\n  \"id\": \"{id}\",\n  \"version\": \"1.0.0\",\n  \"sdk\": \"{PluginArchiveBuilder.CurrentSdkRange}\",\n  \"assembly\": \"{archive.Assembly}\",\n}}";

        var upload = await UploadAsync(archive.Without("plugin.json").With("plugin.json", manifest).Build());

        Assert.Null(upload.Refusal);
        Assert.Contains(await StoredIdsAsync(), s => s == id);
    }

    [Theory]
    [InlineData("Acme_Tickets", "The id 'Acme_Tickets' is invalid: use 2 to 40 lower-case letters, digits and hyphens, starting with a letter.")]
    [InlineData("crm", "The id 'crm' is reserved for the host.")]
    [InlineData(FixtureAlpha.Id, "The id 'fixture-alpha' belongs to a plugin installed in the plugins folder.")]
    public async Task Upload_WithAnIdThatCannotBeUsed_IsRefused(string id, string reason)
    {
        var refusal = await RefusalAsync(PluginArchiveBuilder.ForPlugin(id).Build());

        Assert.Equal(reason, refusal);
    }

    [Fact]
    public async Task Upload_WithAnSdkRangeThisHostIsOutsideOf_IsRefusedAsTheHostRefusesSuchAPlugin()
    {
        var archive = PluginArchiveBuilder.ForPlugin(NewId());
        archive.Without("plugin.json").WithManifest(NewId(), archive.Assembly!, sdk: "[99.0,100.0)");

        var refusal = await RefusalAsync(archive.Build());

        Assert.StartsWith("Requires SDK (>= 99.0.0 && < 100.0.0); this host provides SDK 1.", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutTheEntryAssembly_IsRefused()
    {
        var archive = PluginArchiveBuilder.ForPlugin(NewId());

        var refusal = await RefusalAsync(archive.Without(archive.Assembly!).Build());

        Assert.Equal($"The assembly '{archive.Assembly}' named in plugin.json is not at the root of the archive.", refusal);
    }

    [Fact]
    public async Task Upload_AnEntryAssemblyNamedLikeALoadedPlugin_IsRefusedAsADuplicateAssembly()
    {
        var archive = new PluginArchiveBuilder().WithManifest(NewId(), "CrmBlazor.Fixtures.Alpha.dll")
            .With("CrmBlazor.Fixtures.Alpha.dll", Host.Tests.Builders.AssemblyImages.Plugin("CrmBlazor.Fixtures.Alpha"));

        var refusal = await RefusalAsync(archive.Build());

        Assert.StartsWith("The archive holds the assembly 'CrmBlazor.Fixtures.Alpha', whose name the host or another plugin already uses;", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CarryingACopyOfAnAssemblyTheHostShips_IsRefusedAsADuplicateAssembly()
    {
        var archive = PluginArchiveBuilder.ForPlugin(NewId()).With("MudBlazor.dll", Host.Tests.Builders.AssemblyImages.Referencing("MudBlazor"));

        var refusal = await RefusalAsync(archive.Build());

        Assert.StartsWith("The archive holds the assembly 'MudBlazor', whose name the host or another plugin already uses;", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("/etc/escaped.txt")]
    [InlineData("C:/escaped.txt")]
    public async Task Upload_WithAnEntryEscapingThePluginsFolder_IsRefused(string entry)
    {
        var refusal = await RefusalAsync(PluginArchiveBuilder.ForPlugin(NewId()).With(entry, "x").Build());

        Assert.Equal($"The entry '{entry}' would be written outside the plugin's folder.", refusal);
    }

    [Fact]
    public async Task Upload_WithASymbolicLink_IsRefused()
    {
        var refusal = await RefusalAsync(PluginArchiveBuilder.ForPlugin(NewId()).WithSymbolicLink("wwwroot/passwd", "/etc/passwd").Build());

        Assert.Equal("The entry 'wwwroot/passwd' is a symbolic link; a plugin archive holds files and folders only.", refusal);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsRefused()
    {
        var noise = new byte[CrmHostFixture.MaxArchiveBytes];
        Random.Shared.NextBytes(noise);

        var refusal = await RefusalAsync(PluginArchiveBuilder.ForPlugin(NewId()).With("noise.bin", noise).Build(CompressionLevel.NoCompression));

        Assert.Equal("The archive is larger than 1 MB, the most this CRM accepts.", refusal);
    }

    [Fact]
    public async Task Upload_UnpackingToMoreThanTheLimit_IsRefused()
    {
        var refusal = await RefusalAsync(PluginArchiveBuilder.ForPlugin(NewId()).With("zeros.bin", new byte[5 * CrmHostFixture.MaxArchiveBytes]).Build(CompressionLevel.SmallestSize));

        Assert.Equal("The archive unpacks to more than 4 MB.", refusal);
    }

    [Fact]
    public async Task Upload_WithMoreEntriesThanTheLimit_IsRefused()
    {
        var archive = PluginArchiveBuilder.ForPlugin(NewId());
        for (var i = 0; i < 100; i++)
        {
            archive.With($"wwwroot/{i}.txt", "x");
        }

        var refusal = await RefusalAsync(archive.Build());

        Assert.Equal("The archive holds 102 entries; at most 100 are accepted.", refusal);
    }

    [Fact]
    public async Task Upload_ByAManager_IsRefusedAndNothingIsStored()
    {
        var id = NewId();
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);

        var upload = await fixture.Host.AsUserAsync(manager, services =>
            services.GetRequiredService<PluginArchives>().InstallAsync(new MemoryStream(PluginArchiveBuilder.ForPlugin(id).Build())));

        Assert.Equal("Only administrators may install, remove or purge plugins.", upload.Refusal?.ToString());
        Assert.DoesNotContain(await StoredIdsAsync(), s => s == id);
    }

    [Fact]
    public async Task Purge_OfAPluginThatIsLoaded_IsRefused()
    {
        var purge = await fixture.Host.AsUserAsync(CrmHostFactory.Administrator, services => services.GetRequiredService<PluginData>().PurgeAsync(FixtureAlpha.Id));

        Assert.Equal("Fixture Alpha is running; disable or remove it and restart before purging its data.", Assert.Single(purge.Messages).ToString());
        Assert.True(await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM \"__EFMigrationsHistory_fixture_alpha\"") > 0);
    }

    [Fact]
    public async Task PurgeAndRemove_ByAManager_AreRefused()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);

        var (purge, removal) = await fixture.Host.AsUserAsync(manager, async services =>
            (await services.GetRequiredService<PluginData>().PurgeAsync("fixture-broken"), await services.GetRequiredService<PluginArchives>().RemoveAsync("fixture-broken")));

        Assert.Equal(ChangeStatus.Forbidden, purge.Status);
        Assert.Equal(ChangeStatus.Forbidden, removal.Status);
    }

    private static string NewId() => "uploaded-" + Guid.NewGuid().ToString("N")[..12];

    private Task<PluginUpload> UploadAsync(byte[] archive) => fixture.Host.AsUserAsync(CrmHostFactory.Administrator, services =>
        services.GetRequiredService<PluginArchives>().InstallAsync(new MemoryStream(archive)));

    // The reason, after checking that nothing was stored.
    private async Task<string> RefusalAsync(byte[] archive)
    {
        var before = await StoredIdsAsync();
        var upload = await UploadAsync(archive);
        Assert.False(upload.Accepted);
        Assert.Equal(before, await StoredIdsAsync());
        return upload.Refusal!.ToString();
    }

    private Task<IReadOnlyList<string>> StoredIdsAsync() =>
        fixture.Database.ColumnAsync<string>("SELECT \"PluginId\" FROM crm_plugin_archives ORDER BY \"PluginId\"");

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PluginUploadRefusalTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PluginUploadRefusalTests(fixture);
}
