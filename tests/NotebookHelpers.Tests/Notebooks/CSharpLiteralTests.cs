using NotebookHelpers.Notebooks.Parameters;

namespace NotebookHelpers.Tests.Notebooks;

public class CSharpLiteralTests
{
    [Theory]
    [InlineData("true", "true", "bool")]
    [InlineData("FALSE", "false", "bool")]
    [InlineData("42", "42", "int")]
    [InlineData("-7", "-7", "int")]
    [InlineData("5000000000", "5000000000L", "long")]
    [InlineData("2.5", "2.5d", "double")]
    [InlineData("1e3", "1000d", "double")]
    [InlineData("2024-05-01T13:00:00Z", "System.DateTimeOffset.Parse(\"2024-05-01T13:00:00.0000000+00:00\", System.Globalization.CultureInfo.InvariantCulture)", "DateTimeOffset")]
    [InlineData("2024-05-01", "System.DateTimeOffset.Parse(\"2024-05-01T00:00:00.0000000+00:00\", System.Globalization.CultureInfo.InvariantCulture)", "DateTimeOffset")]
    [InlineData("2024-05-01T15:00:00+02:00", "System.DateTimeOffset.Parse(\"2024-05-01T13:00:00.0000000+00:00\", System.Globalization.CultureInfo.InvariantCulture)", "DateTimeOffset")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "\"AKIAIOSFODNN7EXAMPLE\"", "string")]
    [InlineData("sample", "\"sample\"", "string")]
    [InlineData("a \"quoted\" \\ value", "\"a \\\"quoted\\\" \\\\ value\"", "string")]
    public void InfersTheTypeFromTheValueAsPapermillDoes(string raw, string expression, string type)
    {
        Assert.Equal((expression, type), CSharpLiteral.Infer(raw));
    }

    [Fact]
    public void RefusesToGuessWhenAValueLooksLikeADateButIsNotOne()
    {
        var e = Assert.Throws<ParameterException>(() => CSharpLiteral.Infer("2024-13-45"));

        Assert.Equal("'2024-13-45' looks like an ISO 8601 date-time but is not a valid one.", e.Message);
    }

    [Fact]
    public void KeepsAStringParameterAStringWhateverItLooksLike()
    {
        Assert.Equal(("\"123\"", "string"), CSharpLiteral.For("AccessKeyId", "123", "string"));
        Assert.Equal(("\"true\"", "string"), CSharpLiteral.For("Source", "true", "string?"));
    }

    [Theory]
    [InlineData("int", "7", "7")]
    [InlineData("long", "7", "7L")]
    [InlineData("double", "7", "7d")]
    [InlineData("decimal", "2.50", "2.50m")]
    [InlineData("bool", "True", "true")]
    [InlineData("TimeSpan", "PT1H", "System.TimeSpan.FromTicks(36000000000L)")]
    [InlineData("TimeSpan", "00:30:00", "System.TimeSpan.FromTicks(18000000000L)")]
    [InlineData("DateTimeOffset?", "null", "null")]
    [InlineData("System.DateTimeOffset", "2024-05-01T13:00:00Z", "System.DateTimeOffset.Parse(\"2024-05-01T13:00:00.0000000+00:00\", System.Globalization.CultureInfo.InvariantCulture)")]
    public void ConvertsToTheDeclaredType(string declared, string raw, string expression)
    {
        Assert.Equal(expression, CSharpLiteral.For("P", raw, declared).Expression);
    }

    [Theory]
    [InlineData("int", "abc")]
    [InlineData("int", "5000000000")]
    [InlineData("bool", "yes")]
    [InlineData("DateTimeOffset", "yesterday")]
    [InlineData("DateTimeOffset", "null")]
    public void RejectsAValueThatDoesNotFitTheDeclaredTypeNamingTheParameter(string declared, string raw)
    {
        var e = Assert.Throws<ParameterException>(() => CSharpLiteral.For("Start", raw, declared));

        Assert.StartsWith($"parameter Start is declared {declared} in the parameters cell; '{raw}' is not a", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccessKeyId=AKIA123", "AccessKeyId", "AKIA123")]
    [InlineData("Query=a=b", "Query", "a=b")]
    [InlineData("Empty=", "Empty", "")]
    public void SplitsNameAndValueAtTheFirstEqualsSign(string text, string name, string value)
    {
        Assert.Equal(new NotebookParameter(name, value), NotebookParameter.Parse(text));
    }

    [Theory]
    [InlineData("NoEquals")]
    [InlineData("=value")]
    [InlineData("1abc=x")]
    [InlineData("class=x")]
    public void RejectsAParameterThatIsNotNameEqualsValue(string text)
    {
        Assert.Throws<ParameterException>(() => NotebookParameter.Parse(text));
    }
}
