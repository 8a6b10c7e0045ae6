using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CrmBlazor.Host.Features.Import;

/// <summary>
/// Import of customers and contacts from a CSV file: upload, column mapping, a preview and every
/// row's errors, then an all-or-nothing import with progress. The server checks the whole file again
/// when the user imports (see <see cref="CustomerImporter"/>).
/// </summary>
public sealed partial class ImportCustomers : IDisposable
{
    /// <summary>Largest file accepted.</summary>
    public const long MaximumFileSize = 20 * 1024 * 1024;

    private readonly CancellationTokenSource _closing = new();
    private string? _fileName;
    private string? _fileError;
    private bool _reading;
    private bool _importing;
    private bool _tagImported = true;
    private CsvDocument? _document;
    private CustomerColumnMapping? _mapping;
    private CustomerImportPlan? _plan;
    private HashSet<int> _rowsWithErrors = [];
    private CustomerImportProgress? _progress;
    private CustomerImportResult? _result;
    private CustomerImportSummary? _summary;

    [Inject]
    private CustomerImporter Importer { get; set; } = default!;

    private string FileFacts => _document is null
        ? string.Empty
        : " · " + string.Format(CultureInfo.CurrentCulture, L["{0} rows, separated by \"{1}\""].Value, _document.Rows.Count, _document.Separator == '\t' ? "Tab" : _document.Separator.ToString());

    /// <inheritdoc />
    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        Reset();
        _fileName = file.Name;
        if (file.Size > MaximumFileSize)
        {
            _fileError = string.Format(CultureInfo.CurrentCulture, L["The file is {0:N1} MB; files of up to {1} MB can be imported. Split it into smaller files and import them one after another."].Value,
                file.Size / 1048576.0, MaximumFileSize / 1048576);
            return;
        }

        _reading = true;
        StateHasChanged();
        try
        {
            using var content = new MemoryStream((int)file.Size);
            await using (var stream = file.OpenReadStream(MaximumFileSize, _closing.Token))
            {
                await stream.CopyToAsync(content, _closing.Token);
            }

            var read = CustomerCsvReader.Read(content.GetBuffer().AsSpan(0, (int)content.Length));
            if (read.Document is null)
            {
                _fileError = read.Error!.Format(L);
                return;
            }

            _document = read.Document;
            _mapping = CustomerColumnMapping.Guess(_document.Headers, field => [ImportFieldNames.Of(field, L)]);
            await ReplanAsync();
        }
        catch (IOException)
        {
            _fileError = L["The file could not be read completely. Upload it again."];
        }
        finally
        {
            _reading = false;
        }
    }

    private async Task ReplanAsync()
    {
        if (_document is null || _mapping is null)
        {
            return;
        }

        _result = null;
        _plan = await Importer.PlanAsync(_document, _mapping, _closing.Token);
        _rowsWithErrors = [.. _plan.Errors.Where(e => e.Row is not null).Select(e => e.Row!.Value)];
    }

    private async Task ImportAsync()
    {
        if (_document is null || _mapping is null || _plan is not { CanImport: true })
        {
            return;
        }

        _importing = true;
        _result = null;
        // Shown from the start, so that screen readers are told the end of an import too quick to report progress.
        _progress = new CustomerImportProgress(0, _plan.Customers.Count);
        try
        {
            var progress = new Progress<CustomerImportProgress>(p =>
            {
                _progress = p;
                StateHasChanged();
            });
            // Off the circuit's thread: SQLite's "async" calls complete synchronously, and the progress
            // bar can only be drawn while the import is not holding the circuit.
            var (document, mapping, options, token) = (_document, _mapping, new CustomerImportOptions(_tagImported), _closing.Token);
            _result = await Task.Run(() => Importer.ImportAsync(document, mapping, options, progress, token), token);
            if (_result.Change.Succeeded)
            {
                _summary = _result.Summary;
            }
            else
            {
                // The server found problems the preview did not show (e.g. a user removed meanwhile): show them.
                _plan = _result.Plan.Errors.Count > 0 ? _result.Plan : _plan;
                _rowsWithErrors = [.. _plan.Errors.Where(e => e.Row is not null).Select(e => e.Row!.Value)];
                _progress = null;
            }
        }
        finally
        {
            _importing = false;
        }
    }

    private void Reset()
    {
        _fileError = null;
        _document = null;
        _mapping = null;
        _plan = null;
        _rowsWithErrors = [];
        _progress = null;
        _result = null;
        _summary = null;
    }

    private string ProgressText(CustomerImportProgress progress) =>
        string.Format(CultureInfo.CurrentCulture, L["{0} of {1} customers saved…"].Value, progress.Done, progress.Total);

    private string SummaryText(CustomerImportSummary summary) =>
        string.Format(CultureInfo.CurrentCulture, L["Imported {0} customers with {1} contacts."].Value, summary.Customers, summary.Contacts);
}
