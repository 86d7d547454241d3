using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>
/// Finds the variables a parameters cell declares, with their types, by parsing it as a C# script. In a script, a
/// top-level <c>string AccessKeyId = "…";</c> is a field of the submission, so both field and local declarations count.
/// </summary>
public static class ParametersCellParser
{
    /// <summary>The declarations in <paramref name="code"/>, in order.</summary>
    public static IReadOnlyList<ParameterDeclaration> Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var result = new List<ParameterDeclaration>();
        foreach (var member in tree.GetCompilationUnitRoot().Members)
        {
            var declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }

            foreach (var variable in declaration.Variables)
            {
                var type = declaration.Type.IsVar ? InferType(variable.Initializer?.Value) : declaration.Type.ToString();
                result.Add(new ParameterDeclaration(variable.Identifier.ValueText, type, variable.Initializer?.Value.ToString()));
            }
        }

        return result;
    }

    private static string? InferType(ExpressionSyntax? initializer) => initializer switch
    {
        LiteralExpressionSyntax literal => literal.Kind() switch
        {
            SyntaxKind.StringLiteralExpression => "string",
            SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => "bool",
            SyntaxKind.NumericLiteralExpression => literal.Token.Value switch
            {
                int => "int",
                long => "long",
                uint => "uint",
                ulong => "ulong",
                float => "float",
                decimal => "decimal",
                _ => "double",
            },
            _ => null,
        },
        InterpolatedStringExpressionSyntax => "string",
        ObjectCreationExpressionSyntax creation => LastName(creation.Type),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => KnownStatic(access.Expression),
        MemberAccessExpressionSyntax access => KnownStatic(access.Expression),
        _ => null,
    };

    // DateTimeOffset.Parse(...), System.DateTimeOffset.UtcNow, TimeSpan.FromHours(...): the type is the one named.
    private static string? KnownStatic(ExpressionSyntax receiver) =>
        LastName(receiver) is "DateTimeOffset" or "DateTime" or "TimeSpan" or "Guid" ? LastName(receiver) : null;

    private static string? LastName(SyntaxNode node) => node switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        PredefinedTypeSyntax p => p.Keyword.ValueText,
        _ => null,
    };
}
