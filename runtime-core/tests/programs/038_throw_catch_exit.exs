# throw, exit and the catch clauses of try.
defmodule Finder do
  def first_negative(list) do
    try do
      Enum.each(list, fn x -> if x < 0, do: throw({:found, x}) end)
      :none
    catch
      {:found, x} -> x
    end
  end
end

IO.inspect(Finder.first_negative([3, 1, -4, 1, -5]))
IO.inspect(Finder.first_negative([1, 2]))

IO.inspect(try do
  throw(:ball)
catch
  value -> {:caught_throw, value}
end)

IO.inspect(try do
  exit(:goodbye)
catch
  :exit, reason -> {:caught_exit, reason}
end)

IO.inspect(try do
  exit({:shutdown, :custom})
catch
  :exit, {:shutdown, detail} -> {:shutdown_detail, detail}
end)

for thrower <- [fn -> throw(1) end, fn -> exit(2) end, fn -> raise "three" end, fn -> :erlang.error(:four) end] do
  result =
    try do
      thrower.()
    catch
      kind, value -> {kind, value}
    end
  IO.inspect(result)
end

IO.inspect(try do
  :erlang.error({:custom, :term})
rescue
  e -> {:rescued, e}
end)

IO.inspect(try do
  :erlang.error(:badarith)
rescue
  e -> {:rescued_as, e}
end)

IO.inspect(try do
  raise "mixed"
rescue
  e in ArgumentError -> {:wrong, e}
catch
  :error, %RuntimeError{message: m} -> {:caught_error_kind, m}
end)

IO.inspect(catch_throw = try do throw(:x) catch :throw, v -> v end)
IO.inspect(catch_throw)

nested =
  try do
    try do
      throw(:inner)
    catch
      :throw, :inner -> throw(:rethrown)
    end
  catch
    :throw, v -> {:outer_caught, v}
  end
IO.inspect(nested)
