namespace CrmBlazor.Sdk.Documents;

/// <summary>Ends the current page: the next block starts at the top of a new page.</summary>
public sealed class PageBreak : Block
{
}
