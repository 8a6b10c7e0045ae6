using System.Collections.Concurrent;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBlazor.Host.Features.Figures;

/// <summary>
/// Stores plugins' customer figures in <c>crm_customer_figures</c>. Handlers often set the same
/// customer's figure at once (events delivered in parallel), and a nightly refresh replaces a figure
/// for every customer while they do: every write is an upsert (one statement that inserts or updates),
/// so no writer ever fails on the primary key, and the database never logs a failed insert.
/// </summary>
internal sealed class CustomerFigures(IDbContextFactory<CrmDbContext> contexts, PluginCatalog catalog, TimeProvider clock) : ICustomerFigures
{
    // 5 parameters a row: well below SQLite's 32,766 and PostgreSQL's 65,535 per statement.
    private const int RowsPerStatement = 1000;

    public async Task SetAsync(long customerId, string figureId, double? number, DateTimeOffset? date = null, CancellationToken cancellationToken = default)
    {
        RequireDeclared(figureId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (number is null && date is null)
        {
            await db.CustomerFigures.Where(f => f.FigureId == figureId && f.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        var figure = new CustomerFigure { FigureId = figureId, CustomerId = customerId, NumberValue = number, DateValue = date?.ToUniversalTime(), UpdatedAt = clock.GetUtcNow() };
        await FigureUpsert.For(db).ExecuteAsync(db, [figure], cancellationToken);
    }

    public async Task ReplaceAllAsync(string figureId, IReadOnlyDictionary<long, double> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        RequireDeclared(figureId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CustomerFigures.Where(f => f.FigureId == figureId).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var upsert = FigureUpsert.For(db);
        foreach (var chunk in values.Chunk(RowsPerStatement))
        {
            // An upsert too: on PostgreSQL a handler may insert one of these rows after the delete above.
            await upsert.ExecuteAsync(db, [.. chunk.Select(v => new CustomerFigure { FigureId = figureId, CustomerId = v.Key, NumberValue = v.Value, UpdatedAt = now })], cancellationToken);
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

    /// <summary>
    /// <c>INSERT ... ON CONFLICT ("FigureId", "CustomerId") DO UPDATE SET ... = excluded....</c>, which
    /// SQLite and PostgreSQL both read. Written from the model (table, columns, quoting), and its
    /// parameters made by the columns' own type mappings, so each provider stores values as EF Core
    /// would (a <see cref="DateTimeOffset"/> as ticks on SQLite, as <c>timestamptz</c> on PostgreSQL).
    /// </summary>
    private sealed class FigureUpsert
    {
        private static readonly string[] Keys = [nameof(CustomerFigure.FigureId), nameof(CustomerFigure.CustomerId)];
        private static readonly string[] Values = [nameof(CustomerFigure.NumberValue), nameof(CustomerFigure.DateValue), nameof(CustomerFigure.UpdatedAt)];
        private static readonly ConcurrentDictionary<string, FigureUpsert> ByProvider = new(StringComparer.Ordinal);

        private readonly IProperty[] _properties;
        private readonly ISqlGenerationHelper _sql;
        private readonly string _insert;
        private readonly string _onConflict;

        private FigureUpsert(DbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(CustomerFigure))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            _sql = db.GetService<ISqlGenerationHelper>();
            _properties = [.. Keys.Concat(Values).Select(name => entity.FindProperty(name)!)];
            string Column(string name) => _sql.DelimitIdentifier(entity.FindProperty(name)!.GetColumnName(table)!);
            _insert = $"INSERT INTO {_sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", Keys.Concat(Values).Select(Column))}) VALUES ";
            _onConflict = $" ON CONFLICT ({string.Join(", ", Keys.Select(Column))}) DO UPDATE SET {string.Join(", ", Values.Select(v => $"{Column(v)} = excluded.{Column(v)}"))}";
        }

        public static FigureUpsert For(DbContext db) => ByProvider.GetOrAdd(db.Database.ProviderName ?? "", _ => new FigureUpsert(db));

        public async Task ExecuteAsync(DbContext db, IReadOnlyList<CustomerFigure> figures, CancellationToken cancellationToken)
        {
            await using var factory = db.Database.GetDbConnection().CreateCommand();
            var parameters = new List<object>(figures.Count * _properties.Length);
            var rows = new List<string>(figures.Count);
            foreach (var figure in figures)
            {
                var row = new List<string>(_properties.Length);
                foreach (var property in _properties)
                {
                    var name = "p" + parameters.Count;
                    parameters.Add(property.GetRelationalTypeMapping().CreateParameter(factory, name, property.GetGetter().GetClrValue(figure), property.IsNullable));
                    row.Add(_sql.GenerateParameterNamePlaceholder(name));
                }

                rows.Add("(" + string.Join(", ", row) + ")");
            }

            // Identifiers from the model and parameter placeholders only: no value is written into the SQL.
            var sql = _insert + string.Join(", ", rows) + _onConflict;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }
}
