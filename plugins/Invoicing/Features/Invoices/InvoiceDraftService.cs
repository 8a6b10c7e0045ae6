using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// Prepares drafts: from a customer's unbilled time, fees and discounts, header changes, deletion.
/// Every change names the version of the draft the editor loaded and is refused with
/// <see cref="ChangeStatus.Conflict"/> when someone else saved it meanwhile.
/// </summary>
/// <remarks>
/// Time is marked billed by the draft as soon as it is put on it (<see cref="IBillableTimeSource.MarkBilledAsync"/>),
/// so it is locked in the projects plugin and can never be on two invoices; deleting the draft or
/// removing its time line releases it. The draft's time lines are always rebuilt from what the
/// projects plugin says the draft bills (<see cref="IBillableTimeSource.GetBilledAsync"/>), so a
/// failure between the two databases heals at the next change or at issue.
/// </remarks>
public sealed class InvoiceDraftService(
    IDbContextFactory<InvoicingDbContext> contexts,
    IBillableTimeSource time,
    ICustomerDirectory customers,
    InvoiceAccess access,
    IOptions<InvoicingSettings> settings,
    TimeProvider clock)
{
    private static readonly Problem CustomerGone = new("The customer no longer exists.");

    private readonly TaxCatalog _taxes = settings.Value.CreateTaxCatalog();

    /// <summary>Makes a draft of a customer's unbilled time in a period.</summary>
    /// <param name="input">The customer, period, grouping and optional choice of entries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> CreateFromTimeAsync(TimeDraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await access.CanManageAsync(cancellationToken))
        {
            return ChangeResult.Forbidden();
        }

        return await CreateFromTimeCoreAsync(input, runPeriod: null, cancellationToken);
    }

    /// <summary>The monthly run's way in: no user, the run's period recorded on the draft (one per customer and month).</summary>
    internal async Task<ChangeResult> CreateFromTimeCoreAsync(TimeDraftInput input, DateOnly? runPeriod, CancellationToken cancellationToken)
    {
        var taxProfile = input.TaxProfile ?? settings.Value.DefaultTaxProfile;
        var (refused, customer) = await CheckNewDraftAsync(input, input.CustomerId, taxProfile, cancellationToken);
        if (customer is null)
        {
            return refused!;
        }

        var modes = runPeriod is null ? null : new[] { BillingMode.TimeAndMaterials, BillingMode.PrepaidHours };
        var entries = await time.GetUnbilledAsync(new UnbilledTimeQuery(input.CustomerId, input.From, input.To, input.ProjectId, modes), cancellationToken);
        if (input.EntryIds is { Count: > 0 } chosen)
        {
            var wanted = chosen.ToHashSet();
            entries = [.. entries.Where(e => wanted.Contains(e.EntryId))];
            if (entries.Count != wanted.Count)
            {
                return ChangeResult.Invalid("", new Problem("Some of the chosen time entries are no longer unbilled; reload the time and choose again."));
            }
        }

        if (entries.Count == 0)
        {
            return ChangeResult.Invalid("", new Problem("There is no unbilled billable time for this customer in this period."));
        }

        if (entries.FirstOrDefault(e => !string.Equals(e.Currency, customer.Currency, StringComparison.OrdinalIgnoreCase)) is { } foreign)
        {
            return ChangeResult.Invalid("", new Problem("Project {0} is billed in {1}, but the customer is billed in {2}.", foreign.ProjectName, foreign.Currency, customer.Currency));
        }

        var draft = Invoice.NewDraft(
            customer, taxProfile, settings.Value.PricesIncludeTax, input.Grouping ?? settings.Value.DefaultGrouping, _taxes, clock.GetUtcNow(),
            periodFrom: input.From, periodTo: input.To, runPeriod: runPeriod);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Invoices.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
        }

        var outcome = await time.MarkBilledAsync(new BillingReference(draft.Id, customer.Id, null), [.. entries.Select(e => e.EntryId)], cancellationToken);
        if (!outcome.Succeeded)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Invoices.Where(i => i.Id == draft.Id).ExecuteDeleteAsync(cancellationToken);
            return ChangeResult.Invalid(new Dictionary<string, Problem[]> { [""] = [.. outcome.Refusals.Select(r => new Problem(r.Reason))] });
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var loaded = await db.LoadInvoiceAsync(draft.Id, cancellationToken);
            await SyncTimeAsync(loaded!, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return ChangeResult.Saved(draft.Id);
    }

    /// <summary>
    /// The monthly run's way to finish and check its draft of a customer, whatever step an interrupted
    /// execution reached: marks the customer's unbilled time of the period billed by the draft (time in
    /// another currency than the draft's is left unbilled and reported), rebuilds the lines from what the
    /// projects plugin says the draft bills, and removes a draft left with nothing on it.
    /// </summary>
    /// <returns>Saved (the draft is complete, or was removed because it bills nothing), or why time could not be put on it.</returns>
    internal async Task<ChangeResult> CompleteRunDraftAsync(long draftId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.LoadInvoiceAsync(draftId, cancellationToken);
        if (draft is null || !draft.IsDraft)
        {
            return ChangeResult.Invalid("", new Problem("The invoice of this month was issued already; new time waits for the next invoice."));
        }

        var problems = new List<Problem>();
        var entries = await time.GetUnbilledAsync(
            new UnbilledTimeQuery(draft.CustomerId, from, to, null, [BillingMode.TimeAndMaterials, BillingMode.PrepaidHours]), cancellationToken);
        if (entries.FirstOrDefault(e => !string.Equals(e.Currency, draft.Currency, StringComparison.OrdinalIgnoreCase)) is { } foreign)
        {
            problems.Add(new Problem("Project {0} is billed in {1}, but the customer is billed in {2}.", foreign.ProjectName, foreign.Currency, draft.Currency));
            entries = [.. entries.Where(e => string.Equals(e.Currency, draft.Currency, StringComparison.OrdinalIgnoreCase))];
        }

        if (entries.Count > 0)
        {
            var outcome = await time.MarkBilledAsync(new BillingReference(draft.Id, draft.CustomerId, null), [.. entries.Select(e => e.EntryId)], cancellationToken);
            problems.AddRange(outcome.Refusals.Select(r => new Problem(r.Reason)));
        }

        await ReconcileTimeAsync(draft, cancellationToken);
        if (draft.Lines.Count == 0)
        {
            // Made by an execution that stopped before its time was marked, and no time is left for it.
            db.Invoices.Remove(draft);
        }

        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            // Changed meanwhile (an accountant's edit, another execution), and that change rebuilt its lines too.
            return InvoiceConflict.Result();
        }

        return problems.Count == 0 ? ChangeResult.Saved(draft.Id) : ChangeResult.Invalid(new Dictionary<string, Problem[]> { [""] = [.. problems] });
    }

    /// <summary>Makes an empty draft for fixed fees.</summary>
    /// <param name="input">The customer and tax profile.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> CreateAsync(DraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var taxProfile = input.TaxProfile ?? settings.Value.DefaultTaxProfile;
        CustomerSummary? customer = null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Invoice>()
            .Allow(access.CanManageAsync)
            .Validate(input, async (errors, ct) =>
            {
                AddTaxProfileError(errors, taxProfile);
                if (errors.Count == 0 && (customer = await customers.GetAsync(input.CustomerId, ct)) is null)
                {
                    errors[nameof(DraftInput.CustomerId)] = [CustomerGone];
                }
            })
            .Create(() => Invoice.NewDraft(customer!, taxProfile, settings.Value.PricesIncludeTax, settings.Value.DefaultGrouping, _taxes, clock.GetUtcNow()))
            .SaveAsync(InvoiceConflict.Message, cancellationToken);
    }

    /// <summary>Puts more of the customer's unbilled time on a draft.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the editor loaded.</param>
    /// <param name="entryIds">The time entries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<ChangeResult> AddTimeAsync(long invoiceId, Guid version, IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(invoiceId, version, async draft =>
        {
            ArgumentNullException.ThrowIfNull(entryIds);
            if (draft.CheckBillsTime() is { } creditNote)
            {
                return creditNote.ToChangeResult();
            }

            if (entryIds.Count == 0)
            {
                return ChangeResult.Invalid("", new Problem("Choose the time entries to add."));
            }

            var outcome = await time.MarkBilledAsync(new BillingReference(draft.Id, draft.CustomerId, null), entryIds, cancellationToken);
            if (!outcome.Succeeded)
            {
                return ChangeResult.Invalid(new Dictionary<string, Problem[]> { [""] = [.. outcome.Refusals.Select(r => new Problem(r.Reason))] });
            }

            return await SyncTimeAsync(draft, cancellationToken);
        }, cancellationToken);

    /// <summary>Changes a draft's tax profile, tax-inclusive prices, grouping of time and notes.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the editor loaded.</param>
    /// <param name="input">The new values.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<ChangeResult> UpdateHeaderAsync(long invoiceId, Guid version, DraftHeaderInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(invoiceId, version, draft =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var errors = ValidateWithTaxProfile(input, input.TaxProfile);

            if (errors.Count > 0)
            {
                return Task.FromResult(ChangeResult.Invalid(errors));
            }

            return Task.FromResult(Outcome(draft, draft.ChangeHeader(input.TaxProfile, input.PricesIncludeTax, input.Grouping, input.Notes, _taxes, clock.GetUtcNow())));
        }, cancellationToken);

    /// <summary>Adds a fixed fee or a discount to a draft.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the editor loaded.</param>
    /// <param name="input">The line.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<ChangeResult> AddLineAsync(long invoiceId, Guid version, LineInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(invoiceId, version, draft =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (Validate(input) is { } refused)
            {
                return Task.FromResult(refused);
            }

            return Task.FromResult(Outcome(draft, draft.AddLine(input.Kind, input.Description, input.Quantity, input.UnitPrice, input.TaxProfile, _taxes, clock.GetUtcNow())));
        }, cancellationToken);

    /// <summary>Changes a line of a draft: a fee or discount entirely, a time line's description and tax profile only.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the editor loaded.</param>
    /// <param name="lineId">The line.</param>
    /// <param name="input">The new values.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<ChangeResult> UpdateLineAsync(long invoiceId, Guid version, long lineId, LineInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(invoiceId, version, draft =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var line = draft.Lines.FirstOrDefault(l => l.Id == lineId);
            if (line is null)
            {
                return Task.FromResult(ChangeResult.NotFound());
            }

            // A time line takes only its description and tax profile; its amounts come from its entries.
            var checkedInput = line.Kind == LineKind.Time
                ? new LineInput { Kind = LineKind.Fee, Description = input.Description, Quantity = 1, UnitPrice = 0, TaxProfile = input.TaxProfile }
                : input;
            if (Validate(checkedInput) is { } refused)
            {
                return Task.FromResult(refused);
            }

            return Task.FromResult(Outcome(draft, draft.ChangeLine(line, input.Kind, input.Description, input.Quantity, input.UnitPrice, input.TaxProfile, _taxes, clock.GetUtcNow())));
        }, cancellationToken);

    /// <summary>Removes a line from a draft; a time line's entries are released for other invoices.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the editor loaded.</param>
    /// <param name="lineId">The line.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<ChangeResult> RemoveLineAsync(long invoiceId, Guid version, long lineId, CancellationToken cancellationToken = default) =>
        ChangeAsync(invoiceId, version, async draft =>
        {
            var line = draft.Lines.FirstOrDefault(l => l.Id == lineId);
            if (line is null)
            {
                return ChangeResult.NotFound();
            }

            if (line.Kind == LineKind.Time && draft.Kind == InvoiceKind.Invoice)
            {
                // Released in the projects plugin first, then the time is rebuilt from its marks (they decide what a draft bills).
                await time.ReleaseAsync(draft.Id, draft.EntriesOf(line), cancellationToken);
                return await SyncTimeAsync(draft, cancellationToken);
            }

            return Outcome(draft, draft.RemoveLine(line, _taxes, clock.GetUtcNow()));
        }, cancellationToken);

    /// <summary>Deletes a draft and releases its time.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the editor loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> DeleteAsync(long invoiceId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Invoice>()
            .Allow(access.CanManageAsync)
            .Load(ct => db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, ct))
            .Check(draft => draft.CheckDeletable()?.ToChangeResult())
            .Expect(version)
            .Apply(async (draft, ct) =>
            {
                if (draft.Kind == InvoiceKind.Invoice)
                {
                    // Released first: a failure after it leaves a draft that bills nothing, never time locked by a deleted draft.
                    await time.ReleaseAsync(draft.Id, null, ct);
                }

                return null;
            })
            .Remove()
            .SaveAsync(InvoiceConflict.Message, cancellationToken);
    }

    /// <summary>Rebuilds a draft's annex and time lines from what the projects plugin says it bills.</summary>
    internal async Task<ChangeResult> SyncTimeAsync(Invoice draft, CancellationToken cancellationToken) =>
        Outcome(draft, draft.ReplaceTime(await time.GetBilledAsync(draft.Id, cancellationToken), _taxes, clock.GetUtcNow()));

    /// <summary>
    /// Brings a draft in line with the time the projects plugin says it bills: the two are saved apart,
    /// so a crash between the saves can leave the draft without time it bills or with time it no longer
    /// bills. The projects plugin's marks decide; the annex, the time lines and the totals follow (not saved here).
    /// </summary>
    /// <returns>Whether the draft showed other time than it bills and was changed.</returns>
    internal async Task<bool> ReconcileTimeAsync(Invoice draft, CancellationToken cancellationToken)
    {
        var billed = await time.GetBilledAsync(draft.Id, cancellationToken);
        if (draft.BillsExactly(billed.Select(e => e.EntryId)))
        {
            return false;
        }

        return draft.ReplaceTime(billed, _taxes, clock.GetUtcNow()) is null;
    }

    private ChangeResult? Validate(LineInput input)
    {
        var errors = ValidateWithTaxProfile(input, input.TaxProfile);
        return errors.Count > 0 ? ChangeResult.Invalid(errors) : null;
    }

    /// <summary>The input's own rules, and that the tax profile it names (if any) is configured.</summary>
    private Dictionary<string, Problem[]> ValidateWithTaxProfile(object input, string? taxProfile)
    {
        var errors = InputValidation.Validate(input);
        AddTaxProfileError(errors, taxProfile);
        return errors;
    }

    private void AddTaxProfileError(Dictionary<string, Problem[]> errors, string? taxProfile)
    {
        if (taxProfile is not null && !_taxes.Contains(taxProfile))
        {
            errors[nameof(LineInput.TaxProfile)] = [new Problem("Choose a tax profile.")];
        }
    }

    /// <summary>What a new draft needs: valid input, a configured tax profile and a customer that still exists (null with the refusal otherwise).</summary>
    private async Task<(ChangeResult? Refused, CustomerSummary? Customer)> CheckNewDraftAsync(object input, long customerId, string taxProfile, CancellationToken cancellationToken)
    {
        var errors = ValidateWithTaxProfile(input, taxProfile);
        if (errors.Count > 0)
        {
            return (ChangeResult.Invalid(errors), null);
        }

        var customer = await customers.GetAsync(customerId, cancellationToken);
        return customer is null
            ? (ChangeResult.Invalid(nameof(DraftInput.CustomerId), CustomerGone), null)
            : (null, customer);
    }

    private static ChangeResult Outcome(Invoice draft, InvoiceRefusal? refusal) => refusal?.ToChangeResult() ?? ChangeResult.Saved(draft.Id);

    // The editor's changes of a draft: each names the version the editor loaded; the change returns
    // Saved or its refusal (a rule of the draft, invalid input).
    private async Task<ChangeResult> ChangeAsync(long invoiceId, Guid version, Func<Invoice, Task<ChangeResult>> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Invoice>()
            .Allow(access.CanManageAsync)
            .Load(ct => db.LoadInvoiceAsync(invoiceId, ct))
            .Check(draft => draft.CheckEditable()?.ToChangeResult())
            .Expect(version)
            .Apply(async (draft, _) => await change(draft) is { Succeeded: false } refused ? refused : null)
            .SaveAsync(InvoiceConflict.Message, cancellationToken);
    }
}
