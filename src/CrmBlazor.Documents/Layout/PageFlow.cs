namespace CrmBlazor.Documents.Layout;

/// <summary>The body of the pages being filled: a cursor that moves down and onto new pages.</summary>
internal sealed class PageFlow
{
    private const float Tolerance = 0.01f;

    public PageFlow(float top, float bottom)
    {
        Top = top;
        Bottom = bottom;
        NewPage();
    }

    public float Top { get; }

    public float Bottom { get; }

    public float Y { get; set; }

    public List<LaidOutPage> Pages { get; } = [];

    public LaidOutPage Current => Pages[^1];

    /// <summary>True while nothing has been placed on the current page.</summary>
    public bool AtTop => Y <= Top + Tolerance;

    public void NewPage()
    {
        Pages.Add(new LaidOutPage());
        Y = Top;
    }

    /// <summary>Starts a new page unless something of this height fits below the cursor (or the page is still empty).</summary>
    public void MakeRoomFor(float height)
    {
        if (Y + height > Bottom + Tolerance && !AtTop)
        {
            NewPage();
        }
    }

    public void Add(PageItem item) => Current.Items.Add(item);
}
