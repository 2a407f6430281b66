# Selective receive takes the first message that matches; the others stay queued, in order.
send(self(), {:low, 1})
send(self(), {:high, 2})
send(self(), {:low, 3})
send(self(), {:high, 4})
send(self(), :other)

receive do
  {:high, n} -> IO.puts("first high: #{n}")
end

receive do
  {:high, n} -> IO.puts("second high: #{n}")
end

IO.inspect(Process.info(self(), :message_queue_len))

receive do
  x when is_atom(x) -> IO.inspect(x, label: "the atom, skipping two tuples")
end

receive do
  {:low, n} when n > 2 -> IO.puts("low greater than 2: #{n}")
end

receive do
  anything -> IO.inspect(anything, label: "remaining")
end

send(self(), {:num, 10})
send(self(), {:num, 3})
send(self(), {:num, 7})

defmodule Drain do
  def all(acc) do
    receive do
      {:num, n} -> all([n | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end

IO.inspect(Drain.all([]), label: "drained in arrival order")

send(self(), {:reply, :b, 2})
send(self(), {:reply, :a, 1})
wanted = :a
receive do
  {:reply, ^wanted, v} -> IO.inspect(v, label: "pinned tag :a")
end
receive do
  {:reply, tag, v} -> IO.inspect({tag, v}, label: "then")
end
