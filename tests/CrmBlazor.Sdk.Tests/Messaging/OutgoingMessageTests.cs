using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Sdk.Tests.Messaging;

/// <summary>What <see cref="OutgoingMessage.Validate"/> refuses, with a message naming the problem.</summary>
public sealed class OutgoingMessageTests
{
    private static readonly OutgoingMessage Valid = new()
    {
        To = [new MessageAddress("meena@customer.example", "மீனா")],
        Subject = "உங்கள் விலைப்பட்டியல்",
        HtmlBody = "<p>Attached.</p>",
        IdempotencyKey = "invoicing:invoice-sent:42",
        Attachments = [new MessageAttachment("INV-1.pdf", "application/pdf", [1, 2, 3])],
        Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://crm.example/u/1>" },
    };

    [Fact]
    public void Validate_ACompleteMessage_Passes() => Valid.Validate();

    [Fact]
    public void Validate_WithoutRecipients_NamesTheMissingRecipient() =>
        AssertRefused(Valid with { To = [] }, "at least one recipient");

    [Theory]
    [InlineData("meena")]
    [InlineData("Meena <meena@customer.example>")]
    [InlineData("")]
    public void Validate_AnInvalidAddress_QuotesIt(string address) =>
        AssertRefused(Valid with { To = [new MessageAddress(address)] }, "is not a valid e-mail address");

    [Fact]
    public void Validate_WithoutAKey_NamesTheKey() =>
        AssertRefused(Valid with { IdempotencyKey = " " }, "IdempotencyKey");

    [Fact]
    public void Validate_AKeyLongerThanTheOutboxKeeps_SaysHowLong() =>
        AssertRefused(Valid with { IdempotencyKey = new string('k', 201) }, "longer than 200 characters");

    [Fact]
    public void Validate_WithoutASubject_NamesTheSubject() =>
        AssertRefused(Valid with { Subject = "" }, "Subject");

    [Fact]
    public void Validate_ASubjectWithALineBreak_IsRefused() =>
        AssertRefused(Valid with { Subject = "Invoice\r\nBcc: everyone@example.com" }, "one line");

    [Fact]
    public void Validate_AHeaderTheHostSets_IsRefused() =>
        AssertRefused(Valid with { Headers = new Dictionary<string, string> { ["Bcc"] = "x@example.com" } }, "set by the host");

    [Fact]
    public void Validate_AHeaderValueWithALineBreak_IsRefused() =>
        AssertRefused(Valid with { Headers = new Dictionary<string, string> { ["X-Note"] = "a\nBcc: x@example.com" } }, "one line");

    [Fact]
    public void Validate_AnAttachmentWithoutAMimeType_IsRefused() =>
        AssertRefused(Valid with { Attachments = [new MessageAttachment("a.pdf", "pdf", [1])] }, "is not a MIME type");

    private static void AssertRefused(OutgoingMessage message, string expected)
    {
        var refusal = Assert.Throws<ArgumentException>(message.Validate);
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }
}
