using NotebookHelpers.Html;

namespace NotebookHelpers.Tests.Notebooks;

public class HtmlTextTests
{
    [Fact]
    public void EncodesEveryCharacterThatCanEndTextOrAnAttribute()
    {
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", HtmlText.Encode("<script>alert('x')</script> & \"q\""));
    }

    [Fact]
    public void ReplacesControlCharactersButKeepsLineBreaksAndTabs()
    {
        Assert.Equal("a\uFFFDb\tc\nd\r\n", HtmlText.Encode("a\u0007b\tc\nd\r\n"));
    }

    [Fact]
    public void ReturnsPlainTextUnchangedAndNullAsEmpty()
    {
        const string text = "AKIAEXAMPLE 203.0.113.7 aws-cli/2.15";
        Assert.Same(text, HtmlText.Encode(text));
        Assert.Equal(string.Empty, HtmlText.Encode(null));
    }
}
