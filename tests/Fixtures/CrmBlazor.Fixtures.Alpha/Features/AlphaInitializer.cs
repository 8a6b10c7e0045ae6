using CrmBlazor.Fixtures.Alpha.Data;
using CrmBlazor.Sdk.Plugins;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Fixtures.Alpha.Features;

/// <summary>Records the first start, once; proves initializers run after the plugin's migrations.</summary>
public sealed class AlphaInitializer(AlphaDbContext db, TimeProvider clock) : IPluginInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!await db.Meta.AnyAsync(m => m.Key == "installed-at", cancellationToken))
        {
            db.Meta.Add(new MetaValue { Key = "installed-at", Value = clock.GetUtcNow().ToString("O") });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
