package com.shop.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the JPA repository does not express, in plain JDBC on the customers table. */
@Repository
public class CustomerQueries {
    private final JdbcTemplate jdbcTemplate;

    public CustomerQueries(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The address of one customer, for the mailing export. */
    public String findEmail(Connection conn, long id) throws SQLException {
        PreparedStatement ps = conn.prepareStatement("SELECT email_address FROM customers WHERE id = ?");
        try {
            ps.setLong(1, id);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        } finally {
            ps.close();
        }
    }

    /** Support desk: a customer's new phone number, and the support tier. */
    public int changePhone(long id, String phoneNumber) {
        return jdbcTemplate.update(
                "UPDATE customers SET phone_number = ?, tier = 'support' WHERE id = ?", phoneNumber, id);
    }

    /** How many customers a tier has. */
    public Integer countTier(String tier) {
        return jdbcTemplate.queryForObject(
                "SELECT count(*) FROM customers WHERE tier = ?", Integer.class, tier);
    }
}
