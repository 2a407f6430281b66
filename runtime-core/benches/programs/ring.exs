# A ring of 1000 processes passing one token for 1 000 000 hops in total.
defmodule Ring do
  @size 1000
  @hops 1_000_000

  def run do
    main = self()
    # Process k forwards to process k + 1; the first one learns its successor (the last
    # process spawned, which closes the ring) by message.
    first = spawn(fn -> receive(do: ({:next, next} -> relay(next, main))) end)
    last = Enum.reduce(2..@size, first, fn _, next -> spawn(fn -> relay(next, main) end) end)
    send(first, {:next, last})
    send(first, {:token, 0})

    receive do
      {:done, hops} -> IO.puts(hops)
    end
  end

  defp relay(next, main) do
    receive do
      {:token, @hops} ->
        send(main, {:done, @hops})

      {:token, hops} ->
        send(next, {:token, hops + 1})
        relay(next, main)
    end
  end
end

Ring.run()
