// The reference implementation of the Standard Webhooks specification, as published in
// https://github.com/standard-webhooks/standard-webhooks (libraries/csharp/StandardWebhooks, commit
// b2fa7b8719fb75d326b591077f5d1b385cfcdfae), Apache License 2.0. Copied unchanged, except that the exceptions drop their
// obsolete serialization constructors, so the tests verify deliveries with the specification's own code, not ours.
// (NuGet has no package of it; "StandardWebhooks" on NuGet is a different, third-party implementation.)
using System;
using System.Runtime.CompilerServices;

namespace StandardWebhooks
{
    internal static class Utils
    {

        // Borrowed from Stripe-dotnet https://github.com/stripe/stripe-dotnet/blob/7b62c461d7c0cf2c9e06dce5e564b374a9d232e0/src/Stripe.net/Infrastructure/StringUtils.cs#L30
        // basically identical to SecureCompare from Rails::ActiveSupport used in our ruby lib
        [MethodImpl(MethodImplOptions.NoOptimization)]
        public static bool SecureCompare(string a, string b)
        {
            if (a == null)
            {
                throw new ArgumentNullException(nameof(a));
            }

            if (b == null)
            {
                throw new ArgumentNullException(nameof(b));
            }

            if (a.Length != b.Length)
            {
                return false;
            }

            var result = 0;
            for (var i = 0; i < a.Length; i++)
            {
                result |= a[i] ^ b[i];
            }

            return result == 0;
        }
    }
}
