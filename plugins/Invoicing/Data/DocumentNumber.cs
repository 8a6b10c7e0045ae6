namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>The number a document is issued with, taken from its series' sequence inside the issuing transaction.</summary>
/// <param name="Text">The number as printed, e.g. INV-2026-00042.</param>
/// <param name="Year">The sequence's year: the issue date's year.</param>
/// <param name="Position">The position in that year's sequence, from 1.</param>
public sealed record DocumentNumber(string Text, int Year, long Position);
