using System.Runtime.InteropServices;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// HarfBuzz functions that HarfBuzzSharp does not wrap: the subsetter and the face's character
/// coverage. They are exported by the same native library HarfBuzzSharp ships (libHarfBuzzSharp).
/// </summary>
internal static partial class HarfBuzzNative
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>hb_subset_sets_t.</summary>
    internal enum SubsetSet
    {
        GlyphIndex = 0,
        Unicode = 1,
        NoSubsetTableTag = 2,
        DropTableTag = 3,
    }

    /// <summary>hb_subset_flags_t.</summary>
    [Flags]
    internal enum SubsetFlags : uint
    {
        Default = 0,
        NoHinting = 0x1,
        NoLayoutClosure = 0x200,
    }

    [LibraryImport(Library, EntryPoint = "hb_subset_input_create_or_fail")]
    internal static partial IntPtr SubsetInputCreate();

    [LibraryImport(Library, EntryPoint = "hb_subset_input_destroy")]
    internal static partial void SubsetInputDestroy(IntPtr input);

    [LibraryImport(Library, EntryPoint = "hb_subset_input_set")]
    internal static partial IntPtr SubsetInputSet(IntPtr input, SubsetSet which);

    [LibraryImport(Library, EntryPoint = "hb_subset_input_set_flags")]
    internal static partial void SubsetInputSetFlags(IntPtr input, SubsetFlags flags);

    [LibraryImport(Library, EntryPoint = "hb_subset_plan_create_or_fail")]
    internal static partial IntPtr SubsetPlanCreate(IntPtr face, IntPtr input);

    [LibraryImport(Library, EntryPoint = "hb_subset_plan_destroy")]
    internal static partial void SubsetPlanDestroy(IntPtr plan);

    [LibraryImport(Library, EntryPoint = "hb_subset_plan_execute_or_fail")]
    internal static partial IntPtr SubsetPlanExecute(IntPtr plan);

    /// <summary>The plan's map from the font's glyph ids to the subset's (owned by the plan).</summary>
    [LibraryImport(Library, EntryPoint = "hb_subset_plan_old_to_new_glyph_mapping")]
    internal static partial IntPtr SubsetPlanOldToNewGlyphs(IntPtr plan);

    /// <summary>The value of a key, or <see cref="uint.MaxValue"/> (HB_MAP_VALUE_INVALID) when absent.</summary>
    [LibraryImport(Library, EntryPoint = "hb_map_get")]
    internal static partial uint MapGet(IntPtr map, uint key);

    /// <summary>Prepares a face for many subsets: later subsets of it are an order of magnitude faster.</summary>
    [LibraryImport(Library, EntryPoint = "hb_subset_preprocess")]
    internal static partial IntPtr SubsetPreprocess(IntPtr face);

    /// <summary>Freezes a font so that several threads may shape with it at once.</summary>
    [LibraryImport(Library, EntryPoint = "hb_font_make_immutable")]
    internal static partial void FontMakeImmutable(IntPtr font);

    [LibraryImport(Library, EntryPoint = "hb_face_reference_blob")]
    internal static partial IntPtr FaceReferenceBlob(IntPtr face);

    [LibraryImport(Library, EntryPoint = "hb_face_destroy")]
    internal static partial void FaceDestroy(IntPtr face);

    [LibraryImport(Library, EntryPoint = "hb_face_collect_unicodes")]
    internal static partial void FaceCollectUnicodes(IntPtr face, IntPtr set);

    [LibraryImport(Library, EntryPoint = "hb_blob_get_data")]
    internal static partial IntPtr BlobGetData(IntPtr blob, out uint length);

    [LibraryImport(Library, EntryPoint = "hb_blob_destroy")]
    internal static partial void BlobDestroy(IntPtr blob);

    [LibraryImport(Library, EntryPoint = "hb_set_create")]
    internal static partial IntPtr SetCreate();

    [LibraryImport(Library, EntryPoint = "hb_set_destroy")]
    internal static partial void SetDestroy(IntPtr set);

    [LibraryImport(Library, EntryPoint = "hb_set_add")]
    internal static partial void SetAdd(IntPtr set, uint codepoint);

    [LibraryImport(Library, EntryPoint = "hb_set_next_range")]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial bool SetNextRange(IntPtr set, ref uint first, ref uint last);

    /// <summary>An OpenType table tag as HarfBuzz stores it.</summary>
    internal static uint Tag(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);
}
