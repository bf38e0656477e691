package org.clinic.booking;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class BookingServlet extends HttpServlet {
    private static final Logger LOGGER = Logger.getLogger(BookingServlet.class.getName());

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = request.getParameter("email");
        String phone = request.getParameter("phone");
        LOGGER.info("Booking request from " + email); // expect: pii-to-log user.contact.email
        LOGGER.log(Level.FINE, "Callback number {0}", phone); // expect: pii-to-log user.contact.phone_number
        LOGGER.fine("Booking request parsed");
        try {
            new Scheduler().book(request.getParameter("patient_name"), request.getParameter("date_of_birth"));
        } catch (IllegalStateException e) {
            LOGGER.log(Level.SEVERE, "Booking failed for " + email, e); // expect: pii-to-log user.contact.email
            response.sendError(409);
            return;
        }
        LOGGER.logp(Level.INFO, "BookingServlet", "doPost", "Booked slot for {0}", phone); // expect: pii-to-log user.contact.phone_number
        response.setStatus(201);
    }
}
