namespace CrmBlazor.Plugins.Invoicing.Features.Shared;

/// <summary>The refusal of a change to a document that someone else saved since it was loaded (its <c>RowVersion</c> moved on).</summary>
public static class InvoiceConflict
{
    /// <summary>What happened and what the user should do (the conflict message of the documents' changes).</summary>
    public static Problem Message { get; } = new("Someone else changed this invoice since you opened it. Reload it and make your change again.");

    /// <summary>The outcome, with what the user should do.</summary>
    public static ChangeResult Result() => ChangeResult.Conflict(Message);
}
