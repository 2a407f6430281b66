# try: the order in which do, rescue, else and after run, and what try returns.
defmodule Order do
  def run(action) do
    try do
      IO.puts("  body #{inspect(action)}")
      case action do
        :ok -> {:ok, 1}
        :error -> {:error, :reason}
        :raise -> raise "failed"
        :throw -> throw(:thrown)
      end
    rescue
      e -> IO.puts("  rescue #{Exception.message(e)}"); :from_rescue
    catch
      :throw, v -> IO.puts("  catch #{inspect(v)}"); :from_catch
    else
      {:ok, n} -> IO.puts("  else ok"); {:from_else, n}
      {:error, r} -> IO.puts("  else error"); {:from_else_error, r}
    after
      IO.puts("  after (its value is ignored)")
      :ignored
    end
  end
end

for action <- [:ok, :error, :raise, :throw] do
  IO.puts("run #{action}:")
  IO.inspect(Order.run(action), label: "  result")
end

defmodule Escape do
  def run do
    try do
      try do
        raise "inner"
      after
        IO.puts("inner after runs while the error propagates")
      end
    rescue
      e -> IO.puts("outer rescue: #{Exception.message(e)}")
    after
      IO.puts("outer after")
    end
  end

  def else_raises(value) do
    try do
      value
    rescue
      ArgumentError -> :never
    else
      :expected -> :fine
    end
  end
end

Escape.run()

try do
  Escape.else_raises(:unexpected)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

x =
  try do
    10
  after
    IO.puts("after with a plain body")
  end
IO.inspect(x)

defmodule Implicit do
  def risky(n) do
    100 / n
  rescue
    ArithmeticError -> :infinity
  after
    IO.puts("implicit try after")
  end
end

IO.inspect(Implicit.risky(4))
IO.inspect(Implicit.risky(0))
