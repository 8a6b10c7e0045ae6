using CrmBlazor.Data;
using CrmBlazor.Data.DesignTime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmBlazor.Host.Data;

/// <summary>Creates the core's context for <c>dotnet ef</c> (see tools/add-migration.sh).</summary>
internal sealed class CrmDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(CrmDesignTime.Settings(), pluginId: null).Options);
}
