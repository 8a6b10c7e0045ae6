using CrmBlazor.Host.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Figures;

/// <summary>Stores plugins' customer figures in <c>crm_customer_figures</c>.</summary>
internal sealed class CustomerFigures(IDbContextFactory<CrmDbContext> contexts, PluginCatalog catalog, TimeProvider clock) : ICustomerFigures
{
    /// <summary>How often a set is tried when other writers keep inserting the same figure first.</summary>
    private const int SetAttempts = 5;

    public async Task SetAsync(long customerId, string figureId, double? number, DateTimeOffset? date = null, CancellationToken cancellationToken = default)
    {
        RequireDeclared(figureId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SetOnceAsync(customerId, figureId, number, date, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < SetAttempts && !cancellationToken.IsCancellationRequested)
            {
                // Two handlers setting the same customer's figure at once (events delivered in
                // parallel) both found none and both inserted: the loser reads the winner's row and
                // updates it, as if it had come second.
            }
        }
    }

    private async Task SetOnceAsync(long customerId, string figureId, double? number, DateTimeOffset? date, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var figure = await db.CustomerFigures.FirstOrDefaultAsync(f => f.FigureId == figureId && f.CustomerId == customerId, cancellationToken);
        if (number is null && date is null)
        {
            if (figure is not null)
            {
                db.CustomerFigures.Remove(figure);
            }
        }
        else
        {
            if (figure is null)
            {
                figure = new CustomerFigure { FigureId = figureId, CustomerId = customerId };
                db.CustomerFigures.Add(figure);
            }

            figure.NumberValue = number;
            figure.DateValue = date;
            figure.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReplaceAllAsync(string figureId, IReadOnlyDictionary<long, double> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        RequireDeclared(figureId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CustomerFigures.Where(f => f.FigureId == figureId).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var chunk in values.Chunk(5000))
        {
            db.CustomerFigures.AddRange(chunk.Select(v => new CustomerFigure { FigureId = figureId, CustomerId = v.Key, NumberValue = v.Value, UpdatedAt = now }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private void RequireDeclared(string figureId)
    {
        if (catalog.CustomerFigures.All(f => f.Figure.Id != figureId))
        {
            throw new ArgumentException($"The customer figure '{figureId}' is not declared by a loaded plugin.", nameof(figureId));
        }
    }
}
