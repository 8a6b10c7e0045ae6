using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Plugins;

public sealed class SharedAssemblyCheckTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly SharedAssemblyCheck _check = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void NewerThanHost_ReferenceToANewerHostAssembly_IsReportedWithBothVersions()
    {
        var hostVersion = typeof(MudBlazor.MudButton).Assembly.GetName().Version;
        var plugin = Write(AssemblyImages.Referencing("Acme.Plugin", ("MudBlazor", new Version(99, 1, 0, 0))));

        var problems = _check.NewerThanHost(plugin);

        Assert.Equal([$"MudBlazor 99.1.0.0 (host has {hostVersion})"], problems);
    }

    [Fact]
    public void NewerThanHost_ReferencesToTheHostsOwnOrOlderVersions_AreAccepted()
    {
        var mudBlazor = typeof(MudBlazor.MudButton).Assembly.GetName().Version!;
        var plugin = Write(AssemblyImages.Referencing("Acme.Plugin",
            ("MudBlazor", mudBlazor),
            ("Microsoft.EntityFrameworkCore", new Version(8, 0, 0, 0))));

        Assert.Empty(_check.NewerThanHost(plugin));
    }

    [Fact]
    public void NewerThanHost_AssemblyTheHostDoesNotHave_IsNotItsConcern()
    {
        var plugin = Write(AssemblyImages.Referencing("Acme.Plugin", ("Acme.PdfEngine", new Version(42, 0, 0, 0))));

        Assert.Empty(_check.NewerThanHost(plugin));
    }

    [Theory]
    [InlineData(typeof(PluginCatalog))]
    [InlineData(typeof(Sdk.Plugins.ICrmPlugin))]
    [InlineData(typeof(CrmBlazor.Data.CrmDbContextOptions))]
    public void NewerThanHost_TheHostsOwnAssemblies_Pass(Type typeInAssembly)
    {
        Assert.Empty(_check.NewerThanHost(typeInAssembly.Assembly.Location));
    }

    private string Write(byte[] image)
    {
        var path = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".dll");
        File.WriteAllBytes(path, image);
        return path;
    }
}
