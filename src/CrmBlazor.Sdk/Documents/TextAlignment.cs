namespace CrmBlazor.Sdk.Documents;

/// <summary>Where the lines of a paragraph sit between its edges.</summary>
public enum TextAlignment
{
    /// <summary>At the side where the paragraph's text begins: left for English, right for Urdu.</summary>
    Start,

    /// <summary>At the side where the paragraph's text ends: right for English, left for Urdu.</summary>
    End,

    /// <summary>Centred.</summary>
    Center,

    /// <summary>Always at the left edge.</summary>
    Left,

    /// <summary>Always at the right edge.</summary>
    Right,
}

/// <summary>The base direction of a paragraph (its bidirectional paragraph level).</summary>
public enum TextDirection
{
    /// <summary>Taken from the first strong letter of the text (rules P2 and P3 of the Unicode Bidirectional Algorithm); left to right if there is none.</summary>
    Auto,

    /// <summary>Left to right.</summary>
    LeftToRight,

    /// <summary>Right to left.</summary>
    RightToLeft,
}
