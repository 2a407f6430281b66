# Integer arithmetic: small and arbitrary-precision integers.
IO.puts(1 + 2 * 3)
IO.puts(7 - 10)
IO.puts(6 * -7)
IO.puts(2 ** 10)
IO.puts(2 ** 64)
IO.puts(2 ** 200)
IO.puts(-2 ** 3)
IO.puts(1_000_000 * 1_000_000)

factorial = fn n -> Enum.reduce(1..n, 1, &*/2) end
IO.puts(factorial.(20))
IO.puts(factorial.(50))
IO.inspect(factorial.(30), label: "inspect")

big = 2 ** 100
IO.puts(big - 1)
IO.puts(big * big)
IO.puts(div(big, 3))
IO.puts(rem(big, 7))
IO.puts(-big)
IO.puts(big + 1 - big)
IO.inspect(big > 2 ** 99)
IO.inspect(2 ** 64 == 18_446_744_073_709_551_616)

# div/rem truncate toward zero; Integer.mod/floor_div follow the divisor's sign.
for {a, b} <- [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}] do
  IO.puts("#{a}, #{b}: div=#{div(a, b)} rem=#{rem(a, b)} mod=#{Integer.mod(a, b)} floor_div=#{Integer.floor_div(a, b)}")
end

IO.puts(abs(-42))
IO.puts(max(3, 9))
IO.puts(min(3, 9))
IO.inspect(Integer.pow(3, 40))
IO.inspect(0x1F + 0o17 + 0b101)
IO.inspect(?a)
IO.inspect(-0)
IO.inspect(123_456_789_012_345_678_901_234_567_890 |> div(1_000_000_007))
