namespace NotebookHelpers.Insights.Runtime;

/// <summary><c>haversine(lat1, lon1, lat2, lon2)</c>: the great-circle distance in kilometres.</summary>
public static class GeoFunctions
{
    /// <summary>The mean Earth radius the distance uses (IUGG), in km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The distance in km; missing when a coordinate is missing, not a number, or out of range.</summary>
    public static Value Haversine(Value lat1, Value lon1, Value lat2, Value lon2)
    {
        if (!Coordinate(lat1, 90, out var a1) || !Coordinate(lon1, 180, out var o1) || !Coordinate(lat2, 90, out var a2) || !Coordinate(lon2, 180, out var o2))
        {
            return Value.Missing;
        }

        var dLat = a2 - a1;
        var dLon = o2 - o1;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(a1) * Math.Cos(a2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return Value.FromNumber(2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h))));
    }

    private static bool Coordinate(Value v, double limit, out double radians)
    {
        radians = 0;
        if (v.Kind == ValueKind.Timestamp || !Coerce.TryNumber(v, out var degrees) || Math.Abs(degrees) > limit)
        {
            return false;
        }

        radians = degrees * Math.PI / 180;
        return true;
    }
}
