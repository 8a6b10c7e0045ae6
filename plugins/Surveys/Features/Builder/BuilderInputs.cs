using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Surveys.Data;

namespace CrmBlazor.Plugins.Surveys.Features.Builder;

/// <summary>A text in one language: a question, an option or a section's title.</summary>
public sealed class TextInput
{
    [StringLength(5)]
    public string Language { get; set; } = "en";

    [StringLength(1000, ErrorMessage = "A text can be at most 1,000 characters long.")]
    public string? Text { get; set; }
}

/// <summary>A section's titles, with the survey's version the builder was loaded with.</summary>
public sealed class SectionInput
{
    public List<TextInput> Titles { get; set; } = [];

    public Guid RowVersion { get; set; }
}

/// <summary>An option of a choice question: an existing one (by id) or a new one.</summary>
public sealed class OptionInput
{
    public long? Id { get; set; }

    public List<TextInput> Texts { get; set; } = [];
}

/// <summary>A question as the builder sends it, with the survey's version the builder was loaded with.</summary>
public sealed class QuestionInput
{
    public QuestionType Type { get; set; } = QuestionType.Nps;

    public bool IsRequired { get; set; } = true;

    /// <summary>The highest answer of a rating question (3–10); the other scales are fixed.</summary>
    public int? RatingMax { get; set; }

    public List<TextInput> Texts { get; set; } = [];

    public List<OptionInput> Options { get; set; } = [];

    /// <summary>The earlier question whose answer decides whether this one is shown, or null.</summary>
    public long? ShowIfQuestionId { get; set; }

    public ShowIfOperator? ShowIfOperator { get; set; }

    /// <summary>The number compared, or the option's id for <see cref="Data.ShowIfOperator.Chosen"/>.</summary>
    public long? ShowIfValue { get; set; }

    public Guid RowVersion { get; set; }
}
