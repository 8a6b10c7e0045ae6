using System.Data.Common;
using CrmBlazor.Plugins.Upsell.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBlazor.Plugins.Upsell.Features.Evaluation;

/// <summary>
/// The statements that bring a rule's opportunities up to date from its staged hits, written from the
/// model (tables, columns, quoting) in SQL that SQLite and PostgreSQL both read, with parameters made by
/// the columns' own type mappings so each provider stores values as EF Core would. No value is written
/// into the SQL.
/// </summary>
internal sealed class OpportunitySql : IDisposable
{
    private readonly DbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly List<object> _parameters = [];
    private readonly DbCommand _factory;

    private OpportunitySql(DbContext db)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        _factory = db.Database.GetDbConnection().CreateCommand();
    }

    public static OpportunitySql For(DbContext db) => new(db);

    /// <summary>The parameters added so far, for <c>ExecuteSqlRawAsync</c>.</summary>
    public IReadOnlyList<object> Parameters => _parameters;

    public void Dispose() => _factory.Dispose();

    /// <summary>A delimited table name.</summary>
    public string Table<T>()
    {
        var entity = _db.Model.FindEntityType(typeof(T))!;
        return _sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>A delimited column name.</summary>
    public string Column<T>(string property)
    {
        var entity = _db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return _sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
    }

    /// <summary>A placeholder for a value, stored as the property's column stores it.</summary>
    public string Value<T>(string property, object? value)
    {
        var entity = _db.Model.FindEntityType(typeof(T))!;
        var column = entity.FindProperty(property)!;
        var name = "p" + _parameters.Count;
        _parameters.Add(column.GetRelationalTypeMapping().CreateParameter(_factory, name, value, nullable: true));
        return _sql.GenerateParameterNamePlaceholder(name);
    }

}
