using CrmBlazor.Fixtures.Alpha.Data;
using CrmBlazor.Sdk.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Fixtures.Alpha.Features;

public sealed class AlphaPersonalData(AlphaDbContext db) : IPersonalDataContributor
{
    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().Where(n => n.CustomerId == subject.CustomerId)
            .Select(n => new { n.Id, n.Text, n.CreatedAt }).ToListAsync(cancellationToken);
        return notes.Count == 0 ? null : new { notes };
    }

    public async Task<string> EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var count = await db.Notes.Where(n => n.CustomerId == subject.CustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "(erased)"), cancellationToken);
        return $"{count} note(s) erased.";
    }
}
