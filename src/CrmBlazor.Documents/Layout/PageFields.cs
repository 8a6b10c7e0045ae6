namespace CrmBlazor.Documents.Layout;

/// <summary>The values of <see cref="Sdk.Documents.SpanField"/>s on one page; <see cref="None"/> in the body, where fields stay empty.</summary>
internal readonly record struct PageFields(int Number, int Count)
{
    public static PageFields None { get; } = new(0, 0);

    public bool IsKnown => Count > 0;
}
