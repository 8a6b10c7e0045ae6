using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Sdk.Tests.Results;

public sealed class InputValidationTests
{
    [Fact]
    public void Validate_StringPropertyWithoutAnyAnnotation_RefusesAControlCharacter()
    {
        var errors = InputValidation.Validate(new NoteInput { Title = "Call \u202Egnp.exe" });

        Assert.Equal("Remove the invisible control or text-direction character at position 6.", Assert.Single(errors[nameof(NoteInput.Title)]).ToString());
    }

    [Fact]
    public void Validate_AnnotatedProperty_GetsBothItsOwnMessageAndTheTextRule()
    {
        var errors = InputValidation.Validate(new NoteInput { Title = new string('x', 40) + "\u0000" });

        Assert.Equal(["The title can be at most 40 characters long.", "Remove the invisible control or text-direction character at position 41."],
            errors[nameof(NoteInput.Title)].Select(p => p.ToString()));
    }

    [Fact]
    public void Validate_LineBreaks_AreAllowedInAMultilinePropertyOnly()
    {
        var errors = InputValidation.Validate(new NoteInput { Title = "one\ntwo", Body = "one\r\ntwo\tthree" });

        Assert.Equal([nameof(NoteInput.Title)], errors.Keys);
    }

    [Fact]
    public void Validate_StringCollection_ChecksEachItem()
    {
        var errors = InputValidation.Validate(new NoteInput { Title = "Call", Tags = ["vip", "in\u0007dia"] });

        Assert.Equal("Remove the invisible control or text-direction character at position 3.", Assert.Single(errors[nameof(NoteInput.Tags)]).ToString());
    }

    [Fact]
    public void Validate_ItemsOfACollectionAndANestedModel_AreCheckedUnderTheirPath()
    {
        var input = new NoteInput { Title = "Call", Lines = [new LineInput { Text = "ok" }, new LineInput { Text = "\u202Dx" }], Signature = new LineInput { Text = "a\u2028b" } };

        var errors = InputValidation.Validate(input);

        Assert.Equal(["Lines[1].Text", "Signature.Text"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_ComputedStringProperty_IsNotInput()
    {
        Assert.Empty(InputValidation.Validate(new NoteInput { Title = "Call" }));
    }

    [Fact]
    public void Validate_UrduTitleWithIsolatedLatinName_IsValid()
    {
        Assert.Empty(InputValidation.Validate(new NoteInput { Title = "\u200Fجناب \u2068Acme Ltd\u2069 کراچی", Body = RealText.UrduSentence }));
    }

    [Fact]
    public void Of_PropertyWithStringLength_IsItsMaximum()
    {
        var input = new NoteInput();

        Assert.Equal(40, InputLimits.Of(() => input.Title));
        Assert.Equal(500, InputLimits.Of(() => input.Body));
    }

    [Fact]
    public void Of_PropertyWithoutALimit_SaysWhatToAdd()
    {
        var input = new NoteInput();

        var error = Assert.Throws<InvalidOperationException>(() => InputLimits.Of(() => input.Unlimited));

        Assert.Contains("NoteInput.Unlimited has no [StringLength] or [MaxLength]", error.Message, StringComparison.Ordinal);
    }

    private sealed class NoteInput
    {
        [StringLength(40, ErrorMessage = "The title can be at most 40 characters long.")]
        public string Title { get; set; } = string.Empty;

        [MaxLength(500)]
        [MultilineText]
        public string? Body { get; set; }

        public string? Unlimited { get; set; }

        public List<string> Tags { get; set; } = [];

        public List<LineInput> Lines { get; set; } = [];

        public LineInput? Signature { get; set; }

        public string Display => Title + "\n" + Body;
    }

    private sealed class LineInput
    {
        public string Text { get; set; } = string.Empty;
    }
}
