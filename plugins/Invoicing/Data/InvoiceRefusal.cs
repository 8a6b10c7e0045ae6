namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>
/// Why an invoice or credit note refused a change: the message for the user and the input field it is
/// about ("" for the document as a whole). A user can cause these, so the document's methods return
/// them rather than throw (as services return <see cref="ChangeResult"/>); arguments that valid input
/// never produces (an unknown tax profile, a line of another document) throw instead.
/// </summary>
/// <param name="Field">The input field, or "" for the whole document.</param>
/// <param name="Problem">The message.</param>
public sealed record InvoiceRefusal(string Field, Problem Problem)
{
    /// <summary>The field of the lines chosen for a credit note.</summary>
    internal const string ChosenLines = "LineIds";

    /// <summary>Lines were chosen that the invoice does not have.</summary>
    public static InvoiceRefusal NotItsLines { get; } = new(ChosenLines, new Problem("Choose lines of this invoice."));

    /// <summary>The invoice a credit note corrects was cancelled, or deleted, meanwhile.</summary>
    public static InvoiceRefusal CreditedInvoiceGone { get; } = Of(new Problem("The credited invoice is cancelled or no longer exists."));

    /// <summary>The refusal as the outcome of the user's change.</summary>
    public ChangeResult ToChangeResult() => ChangeResult.Invalid(Field, Problem);

    internal static InvoiceRefusal Of(Problem problem) => new(string.Empty, problem);
}
