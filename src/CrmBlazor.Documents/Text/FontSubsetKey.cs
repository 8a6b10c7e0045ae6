namespace CrmBlazor.Documents.Text;

/// <summary>What a subset holds: a face, its glyphs and characters (each sorted, without repeats).</summary>
internal sealed class FontSubsetKey : IEquatable<FontSubsetKey>
{
    private readonly int _hash;

    public FontSubsetKey(FontFace face, ushort[] glyphs, int[] codePoints)
    {
        Face = face;
        Glyphs = glyphs;
        CodePoints = codePoints;
        var hash = new HashCode();
        hash.Add(face.Id);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(glyphs.AsSpan()));
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codePoints.AsSpan()));
        _hash = hash.ToHashCode();
    }

    public FontFace Face { get; }

    public ushort[] Glyphs { get; }

    public int[] CodePoints { get; }

    public bool Equals(FontSubsetKey? other) =>
        other is not null && (ReferenceEquals(this, other) || (other.Face == Face && other._hash == _hash
            && other.Glyphs.AsSpan().SequenceEqual(Glyphs) && other.CodePoints.AsSpan().SequenceEqual(CodePoints)));

    public override bool Equals(object? obj) => Equals(obj as FontSubsetKey);

    public override int GetHashCode() => _hash;
}
