# Integers beyond 64 bits: arithmetic, division, bitwise operators on negative
# numbers, conversions to text and to floats, across limb boundaries.
import Bitwise

a = 2 ** 64 + 1
b = -(2 ** 96) + 12_345
c = 3 ** 80
IO.inspect({a + b, a - b, a * b, b * b})
IO.inspect({div(c, a), rem(c, a), div(-c, a), rem(-c, a), div(c, -a), rem(c, -a)})
IO.inspect({div(b, 7), rem(b, 7), div(7, b), rem(7, b), div(b, b), rem(b, -b)})
IO.inspect({div(2 ** 200 - 1, 2 ** 100 - 1), rem(2 ** 200 + 5, 2 ** 64 - 1)})
IO.inspect({div(-9_223_372_036_854_775_808, -1), -(-9_223_372_036_854_775_808)})
IO.inspect({band(b, a), bor(b, a), bxor(b, a), bnot(b), bnot(a)})
IO.inspect({band(-1, c), bor(-(2 ** 70), 255), bxor(-(2 ** 65), -(2 ** 33))})
IO.inspect({bsl(b, 40), bsr(b, 40), bsr(b, 200), bsr(-(2 ** 70), 70), bsr(-(2 ** 70) - 1, 70)})
IO.inspect({bsl(1, 100), bsr(a, 1), bsl(a, -1), bsr(-a, -3)})
IO.inspect({Integer.to_string(b, 16), Integer.to_string(c, 36), Integer.to_string(-a, 2)})
IO.inspect(b, base: :hex)
IO.inspect(c, base: :octal)
IO.inspect({Integer.parse("-123456789012345678901234567890xyz"), Integer.parse("zzzzzzzzzzzzzzzz", 36)})
IO.inspect({String.to_integer("-FFFFFFFFFFFFFFFFFFFF", 16), String.to_integer("+18446744073709551616")})
IO.inspect(Integer.digits(c, 10))
IO.inspect({Integer.digits(a, 16), Integer.undigits([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 16)})
IO.inspect({a * 1.0, b / 3, c + 0.5, 2 ** 53 + 1 + 0.0, 2 ** 1000 * 1.0})
IO.inspect({(2 ** 53 + 1) * 1.0, (2 ** 54 + 6) * 1.0, (2 ** 100 + 2 ** 47 + 1) * 1.0})
IO.inspect({a > 1.0e19, b < -1.0e28, c == c + 0, Enum.sort([c, 1.0e40, -a, 1, b])})
IO.inspect({abs(b), -b, Integer.pow(-3, 41), (-2) ** 127, Enum.sum(1..(2 ** 40))})
IO.inspect({round(1.0e25), trunc(-1.5e30), Integer.to_charlist(-a)})
IO.inspect(Enum.reduce(1..40, 1, &(&1 * &2)))
IO.inspect(2 ** 1000)
