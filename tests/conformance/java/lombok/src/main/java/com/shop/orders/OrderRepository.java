package com.shop.orders;

public interface OrderRepository {
    void save(Order order);
}
