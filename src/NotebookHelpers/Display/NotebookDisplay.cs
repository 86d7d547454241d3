using System.Reflection;

namespace NotebookHelpers.Display;

/// <summary>
/// Shows a value in the output of the running notebook cell and replaces it in place later, when the code runs inside
/// a .NET Interactive kernel (the stock kernel or <c>nbh run</c>). The library does not reference .NET Interactive; it
/// binds late to public members present in every 1.0 release it was tested with: the current
/// <c>KernelInvocationContext</c>, its <c>Publish(KernelEvent)</c>, the <c>DisplayedValueProduced</c> and
/// <c>DisplayedValueUpdated</c> events and <c>FormattedValue.CreateManyFromObject</c>. It publishes both events with
/// one id of its own, because <c>Kernel.display(x).Update(y)</c> does not update in place in those releases (the
/// display and its updates carry different ids, so Jupyter drops the updates). Outside a kernel, <see cref="Show"/>
/// returns null and callers fall back to text.
/// </summary>
public static class NotebookDisplay
{
    private static readonly string[] MimeTypes = [NotebookFormatter.HtmlMimeType, NotebookFormatter.PlainTextMimeType];
    // Looked up again until found, never cached as absent: a call made before the kernel's assembly is loaded (a test
    // process that reads evidence before it runs a notebook) must not turn displays off for the rest of the process.
    private static KernelApi? _api;

    private static KernelApi? Api => _api ??= KernelApi.Find();

    /// <summary>True when a .NET Interactive kernel is loaded in this process.</summary>
    public static bool IsAvailable => Api is not null;

    /// <summary>
    /// Displays <paramref name="value"/> in the current cell's output. Returns a handle that replaces the displayed
    /// value, or null when no kernel is running this code.
    /// </summary>
    public static DisplayHandle? Show(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var api = Api;
        var context = api?.CurrentContext();
        if (api is null || context is null)
        {
            return null;
        }

        var id = Guid.NewGuid().ToString("N");
        return api.TryPublish(context, value, id, update: false) ? new DisplayHandle(api, context, id) : null;
    }

    /// <summary>The late-bound members of Microsoft.DotNet.Interactive.</summary>
    internal sealed class KernelApi
    {
        private readonly PropertyInfo _current;
        private readonly PropertyInfo _command;
        private readonly MethodInfo _publish;
        private readonly MethodInfo _createFormattedValues;
        private readonly ConstructorInfo _produced;
        private readonly ConstructorInfo _updated;

        private KernelApi(PropertyInfo current, PropertyInfo command, MethodInfo publish, MethodInfo createFormattedValues, ConstructorInfo produced, ConstructorInfo updated)
        {
            _current = current;
            _command = command;
            _publish = publish;
            _createFormattedValues = createFormattedValues;
            _produced = produced;
            _updated = updated;
        }

        public static KernelApi? Find()
        {
            var assemblies = AppDomain.CurrentDomain.GetAssemblies();
            var core = assemblies.FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive");
            var formatting = assemblies.FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive.Formatting");
            var context = core?.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext");
            var produced = core?.GetType("Microsoft.DotNet.Interactive.Events.DisplayedValueProduced");
            var updated = core?.GetType("Microsoft.DotNet.Interactive.Events.DisplayedValueUpdated");
            var kernelEvent = core?.GetType("Microsoft.DotNet.Interactive.Events.KernelEvent");
            var formattedValue = formatting?.GetType("Microsoft.DotNet.Interactive.Formatting.FormattedValue");
            if (context is null || produced is null || updated is null || kernelEvent is null || formattedValue is null)
            {
                return null;
            }

            var current = context.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
            var command = context.GetProperty("Command", BindingFlags.Public | BindingFlags.Instance);
            var publish = context.GetMethod("Publish", BindingFlags.Public | BindingFlags.Instance, [kernelEvent]);
            var create = formattedValue.GetMethod("CreateManyFromObject", BindingFlags.Public | BindingFlags.Static, [typeof(object), typeof(string[])]);
            var producedCtor = produced.GetConstructors().FirstOrDefault(c => c.GetParameters().Length == 4);
            var updatedCtor = updated.GetConstructors().FirstOrDefault(c => c.GetParameters().Length == 4);
            return current is null || command is null || publish is null || create is null || producedCtor is null || updatedCtor is null
                ? null
                : new KernelApi(current, command, publish, create, producedCtor, updatedCtor);
        }

        public object? CurrentContext() => _current.GetValue(null);

        public bool TryPublish(object context, object value, string id, bool update)
        {
            try
            {
                var command = _command.GetValue(context);
                var formatted = _createFormattedValues.Invoke(null, [value, MimeTypes]);
                var kernelEvent = update
                    ? _updated.Invoke([value, id, command, formatted])
                    : _produced.Invoke([value, command, formatted, id]);
                _publish.Invoke(context, [kernelEvent]);
                return true;
            }
            catch (TargetInvocationException)
            {
                // The cell that owned the context has completed; its output keeps the last state shown.
                return false;
            }
        }
    }
}
